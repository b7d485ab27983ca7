import ClinicPressModel

/// Rendered pages kept between builds (by the preview server), each under a fingerprint of everything the page
/// shows. A page whose fingerprint did not change is not rendered again: saving a post re-renders that post's page,
/// its neighbours' pages and the lists it appears in, not the whole site.
public typealias RenderCache = FingerprintCache<OutputFile>

extension FingerprintCache where Value == OutputFile {
    /// Pages the last render rendered (the others it took from the cache: `lastReused`).
    public var lastRendered: Int { lastComputed }
}
