import ClinicPressModel
import ClinicPressText
import Foundation
import Yams

extension People {
    /// The keys `people.yaml` accepts for each person.
    static let knownKeys = ["name", "credentials", "role", "photo", "bio", "links"]

    /// Reads `people.yaml` when the site has one.
    static func load(from siteDirectory: URL, diagnostics: inout [Diagnostic]) -> People {
        let file = "people.yaml"
        let url = siteDirectory.appendingPathComponent(file)
        guard !SourceText.isAbsent(url.path) else { return People([], isDefined: false) }
        guard let text = SourceText.read(url, relativePath: file, sizeLimit: SourceText.yamlSizeLimit).value(reportingTo: &diagnostics),
              var yaml = YAMLMapping.parse(text, file: file, firstLine: 1, diagnostics: &diagnostics) else { return People([], isDefined: true) }
        defer { diagnostics += yaml.diagnostics.map { $0.withRule("people") } }
        var people: [Person] = []
        for entry in yaml.entries {
            guard Slug.isValid(entry.key) else {
                yaml.report(.error("'\(entry.key)' cannot be a person's key: it is the last part of their page's address", at: entry.keyLocation,
                                   rule: "people", hint: "use lowercase letters, digits and hyphens, such as `\(Slug.make(entry.key))`"))
                continue
            }
            guard let mapping = entry.value.mapping else {
                yaml.report(.error("`\(entry.key)` must be a mapping with at least a `name`", at: yaml.location(of: entry.value), rule: "people",
                                   hint: "write `\(entry.key):` and, indented below it, `name: …`, `credentials: …`, `role: …`"))
                continue
            }
            var person = Person(key: entry.key, name: "", location: entry.keyLocation)
            for (keyNode, value) in mapping {
                let key = keyNode.scalar?.string ?? ""
                let text = value.scalar.flatMap { value.null == nil ? $0.string.trimmingWhitespace : nil }.flatMap { $0.isEmpty ? nil : $0 }
                switch key {
                case "name": person.name = text ?? ""
                case "credentials": person.credentials = text
                case "role": person.role = text
                case "bio": person.bio = text
                case "photo":
                    person.photo = text
                    person.photoLocation = yaml.location(of: value)
                case "links":
                    let items = value.sequence.map(Array.init) ?? [value]
                    for item in items {
                        guard let link = item.scalar?.string.trimmingWhitespace, SiteConfig.absoluteHTTPAddress(link) != nil else {
                            yaml.report(.error("each of `links` must be an http(s) address", at: yaml.location(of: item), rule: "people",
                                               hint: "for example `links: [https://yourclinic.com/team/priya/]`"))
                            continue
                        }
                        person.links.append(link)
                    }
                default:
                    let likely = Spelling.closest(to: key, among: knownKeys)
                    yaml.report(.error("unknown key `\(key)` for \(entry.key)", at: yaml.location(of: keyNode), rule: "people",
                                       hint: likely.map { "did you mean `\($0)`?" } ?? "a person has: \(knownKeys.joined(separator: ", "))"))
                }
            }
            guard !person.name.isEmpty else {
                yaml.report(.error("\(entry.key) has no `name`", at: entry.keyLocation, rule: "people", hint: "add `name: …` under `\(entry.key):`"))
                continue
            }
            people.append(person)
        }
        return People(people, isDefined: true)
    }

    /// An error at `location` when `written` is not a key of `people.yaml` (and the site has one), with the likely key.
    func check(_ written: String, field: String, at location: SourceLocation) -> Diagnostic? {
        guard isDefined, self[written] == nil else { return nil }
        let likely = Spelling.closest(to: written, among: all.map(\.key))
            ?? all.first { written.localizedCaseInsensitiveContains($0.name) }?.key
        let keys = all.map(\.key).joined(separator: ", ")
        return .error("`\(field)` names '\(written)', who is not in people.yaml", at: location, rule: "people",
                      hint: likely.map { "did you mean `\($0)`?" } ?? (keys.isEmpty ? "add them to people.yaml" : "people.yaml has: \(keys)"))
    }
}
