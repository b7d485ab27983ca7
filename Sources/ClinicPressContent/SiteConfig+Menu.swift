import ClinicPressModel
import ClinicPressText
import Yams

extension SiteConfig {
    /// Reads `menu:`, a list of `{title: About, url: /about/}`. Each entry's shape is checked here; whether a site path
    /// leads to a page is checked once the pages are loaded (`SiteContent.checkMenu`).
    static func menuItems(_ node: Node, yaml: inout YAMLMapping) -> [MenuItem] {
        guard let sequence = node.sequence else {
            yaml.report(.error("`menu` must be a list such as `menu: [{title: About, url: /about/}]`", at: yaml.location(of: node), rule: "site-config"))
            return []
        }
        var items: [MenuItem] = []
        for entry in sequence {
            let location = yaml.location(of: entry)
            guard let mapping = entry.mapping else {
                yaml.report(.error("each `menu` entry must have a `title` and a `url`, found \(entry.scalar.map { "'\($0.string)'" } ?? "a list")",
                                   at: location, rule: "site-config", hint: "write `- {title: About, url: /about/}`"))
                continue
            }
            var title: String?, url: String?
            for (keyNode, value) in mapping {
                let key = keyNode.scalar?.string ?? ""
                let text = value.scalar?.string.trimmingWhitespace
                switch key {
                case "title": title = text
                case "url": url = text
                default:
                    let likely = Spelling.closest(to: key, among: ["title", "url"])
                    yaml.report(.error("unknown key `\(key)` in a `menu` entry", at: yaml.location(of: keyNode), rule: "site-config",
                                       hint: likely.map { "did you mean `\($0)`?" } ?? "a menu entry has a `title` and a `url`"))
                }
            }
            guard let title, !title.isEmpty, let url, !url.isEmpty else {
                yaml.report(.error("a `menu` entry needs both `title` and `url`", at: location, rule: "site-config",
                                   hint: "write `- {title: About, url: /about/}`"))
                continue
            }
            guard YAMLMapping.isLinkAddress(url) else {
                yaml.report(.error("a `menu` url must be a path of the site such as `/about/`, or an address such as `https://…`, found '\(url)'",
                                   at: location, rule: "site-config"))
                continue
            }
            items.append(MenuItem(title: title, url: url, location: location))
        }
        return items
    }

    /// Reads `tags:`, tag → display name (`seasonal-affective-disorder: "Seasonal affective disorder"`), by the tag's slug.
    static func tagNames(_ node: Node, yaml: inout YAMLMapping) -> [String: String] {
        guard let mapping = node.mapping else {
            yaml.report(.error("`tags` must map tags to their display names, such as `tags: {sad: \"Seasonal affective disorder\"}`",
                               at: yaml.location(of: node), rule: "site-config"))
            return [:]
        }
        var names: [String: String] = [:]
        for (keyNode, value) in mapping {
            let slug = Slug.make(keyNode.scalar?.string ?? "")
            guard !slug.isEmpty, let name = value.scalar?.string.trimmingWhitespace, !name.isEmpty else {
                yaml.report(.error("each entry of `tags` must be a tag and its display name", at: yaml.location(of: keyNode), rule: "site-config"))
                continue
            }
            names[slug] = name
        }
        return names
    }
}
