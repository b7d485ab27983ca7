extension PreviewOverlay {
    /// The panel beside the text and the highlights. Wide screens (over 800 px): the panel is a column at the right
    /// edge and the page is narrowed by its width (`html` padding), so it never lies over the text. Narrow screens: a
    /// count badge in a 2.6rem gutter at the right edge (the page narrowed by as much) opens the panel as a sheet, which
    /// closes when a finding is chosen.
    ///
    /// Severity never rests on colour alone: errors are underlined solid, warnings dashed, notes dotted, and each has
    /// its marker icon (✖ ▲ ℹ) and word. Every pair meets WCAG AA (text 4.5:1, underlines and markers 3:1 against
    /// the highlight and the page), which the browser test measures.
    static let style = """
    :root { --cp-width: min(22rem, 36vw); }
    mark.cp-claim { color: #1a1a1a; padding: 0 .08em; border-bottom: 3px solid #b42318; background: #fde8e8; scroll-margin: 6rem 0; }
    mark.cp-claim.cp-error { background: #fde8e8; border-bottom: 3px solid #b42318; }
    mark.cp-claim.cp-warning { background: #fff3cd; border-bottom: 3px dashed #8a5300; }
    mark.cp-claim.cp-info { background: #e6f0fb; border-bottom: 2px dotted #1b5aa6; }
    mark.cp-claim:focus { outline: 3px solid #1d3f8f; outline-offset: 2px; }
    mark.cp-claim.cp-current { box-shadow: 0 0 0 2px #1d3f8f; }
    a.cp-marker { display: inline-block; font: 700 11px/1.35 system-ui, sans-serif; color: #fff; text-decoration: none; border-radius: 3px;
                  padding: 0 .3em; margin-left: .15em; vertical-align: .2em; }
    a.cp-marker:focus { outline: 3px solid #1d3f8f; outline-offset: 1px; }
    a.cp-marker.cp-error { background: #b42318; }
    a.cp-marker.cp-warning { background: #8a5300; }
    a.cp-marker.cp-info { background: #1b5aa6; }
    .cp-review { font: 14px/1.45 system-ui, sans-serif; color: #1d2b2a; }
    .cp-review-body { background: #fff; color: #1d2b2a; }
    .cp-review h2 { font: 700 16px/1.3 system-ui, sans-serif; margin: 0; color: #1d2b2a; }
    .cp-review-head { display: flex; align-items: center; justify-content: space-between; gap: .5rem; }
    .cp-preview-only { font-weight: 400; color: #4b5a57; }
    .cp-counts { margin: .3rem 0; font-weight: 600; }
    .cp-keys, .cp-status { margin: .3rem 0; color: #4b5a57; font-size: 13px; }
    .cp-keys a { color: #1d3f8f; }
    .cp-review kbd { font: 12px ui-monospace, monospace; border: 1px solid #8a9794; border-radius: 3px; padding: 0 .3em; background: #f4f6f5; color: #1d2b2a; }
    .cp-findings { list-style: none; margin: .5rem 0 0; padding: 0; }
    .cp-entry { border: 1px solid #d0d7d5; border-left: 5px solid #b42318; border-radius: 8px; padding: .45rem .7rem; margin: 0 0 .6rem; background: #fff; }
    .cp-entry.cp-warning { border-left: 5px dashed #8a5300; }
    .cp-entry.cp-info { border-left: 5px dotted #1b5aa6; }
    .cp-entry:focus, .cp-entry.cp-current { outline: 3px solid #1d3f8f; outline-offset: 1px; }
    .cp-entry p { margin: .2rem 0; }
    .cp-sev { font-weight: 700; border-radius: 4px; padding: 0 .35em; }
    .cp-sev-error { color: #fff; background: #b42318; }
    .cp-sev-warning { color: #fff; background: #8a5300; }
    .cp-sev-info { color: #fff; background: #1b5aa6; }
    .cp-rule, .cp-location { font: 12px ui-monospace, monospace; color: #3d4a47; }
    .cp-excerpt a { color: #1d3f8f; }
    .cp-excerpt .cp-missing { color: #4b5a57; font-style: italic; }
    .cp-reasons, .cp-hint { color: #3d4a47; font-size: 13px; }
    .cp-where { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; }
    .cp-where a { color: #1d3f8f; font-size: 13px; }
    .cp-review button { font: 600 13px/1.2 system-ui, sans-serif; color: #1d2b2a; background: #eef2f1; border: 1px solid #6b7a77; border-radius: 6px; padding: .25rem .55rem; cursor: pointer; }
    .cp-review button:focus { outline: 3px solid #1d3f8f; outline-offset: 1px; }
    .cp-review .cp-badge { color: #fff; background: #1d2b2a; border: 2px solid #fff; border-radius: 999px; padding: .45rem .85rem; font-size: 15px;
                           box-shadow: 0 4px 14px rgba(0,0,0,.25); }
    .cp-review .cp-badge-error span[aria-hidden] { color: #ffb4a8; }
    .cp-review .cp-badge-warning span[aria-hidden] { color: #ffd27a; }
    @media (min-width: 801px) {
      html.cp-has-review { padding-right: var(--cp-width); }
      .cp-review .cp-badge, .cp-review .cp-close { display: none; }
      .cp-review-body { position: fixed; top: 0; right: 0; bottom: 0; width: var(--cp-width); box-sizing: border-box; overflow-y: auto;
                        padding: .9rem .9rem 2rem; border-left: 1px solid #b9c3c0; z-index: 1000; }
    }
    @media (max-width: 800px) {
      html.cp-has-review { padding-right: 2.6rem; }
      .cp-review .cp-badge { position: fixed; right: 0; bottom: 1rem; z-index: 1001; width: 2.5rem; box-sizing: border-box; padding: .5rem 0;
                             display: flex; flex-direction: column; align-items: center; gap: .15rem; border-radius: 10px 0 0 10px; border-right: 0; }
      .cp-review .cp-badge-word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      .cp-review-body { display: none; }
      .cp-review.cp-open .cp-review-body { display: block; position: fixed; left: 0; right: 0; bottom: 0; max-height: 75vh; overflow-y: auto;
                                           box-sizing: border-box; padding: .9rem .9rem 1.5rem; border-top: 1px solid #b9c3c0; border-radius: 14px 14px 0 0;
                                           box-shadow: 0 -8px 30px rgba(0,0,0,.25); z-index: 1002; }
    }

    """
}
