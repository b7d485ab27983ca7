/// What screening notices in a comment, for the moderator. Flags are recorded in the comment file and shown
/// by `clinicpress comments list`; they never change a comment's status by themselves (unless `site.yaml`
/// turns on auto-spam for a flag) and are never published.
public enum CommentFlag: String, Sendable, Hashable, CaseIterable {
    /// Email addresses, phone numbers, street addresses.
    case contactInfo = "contact-info"
    /// A person's diagnosis, medication, treatment or health condition ("my sister has PTSD").
    case healthDisclosure = "health-disclosure"
    /// An outcome credited to a treatment ("her anxiety finally lifted after her third session").
    case testimonial
    /// Several links.
    case links
    /// Known spam phrasing or link patterns.
    case spam
    /// Profanity or slurs.
    case profanity
    /// Longer than the site allows.
    case tooLong = "too-long"
}
