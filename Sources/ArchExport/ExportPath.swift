import ArchModel
import Foundation

/// A path inside the export folder: relative, made of components that are safe file names on every
/// system (no `..`, no separators inside a component, no control characters, no leading dot or dash).
/// Whatever an entity or decision is called, a file named after it lands inside the folder.
public struct ExportPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let components: [String]

    /// A path from components that are each checked; nil when one is not a safe file name.
    public init?(components: [String]) {
        guard !components.isEmpty, components.allSatisfy(Self.isSafe) else { return nil }
        self.components = components
    }

    /// A path archtui spells itself ("diagrams/er.mmd"); a bad one is a programming error.
    init(checked path: String) {
        guard let path = ExportPath(components: path.split(separator: "/").map(String.init)) else {
            preconditionFailure("not a safe export path: \(path)")
        }
        self = path
    }

    public var description: String { components.joined(separator: "/") }

    public static func < (lhs: ExportPath, rhs: ExportPath) -> Bool { lhs.description < rhs.description }

    /// Safe on Linux, macOS and Windows: printable ASCII letters, digits, `-`, `_` and `.`, not starting with a
    /// dot or dash, at most 120 bytes, and not a name Windows reserves.
    static func isSafe(_ component: String) -> Bool {
        guard !component.isEmpty, component.utf8.count <= 120, component != ".", component != "..",
              let first = component.unicodeScalars.first, first != ".", first != "-" else { return false }
        let allowed = component.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
        let stem = component.split(separator: ".").first.map { $0.uppercased() } ?? ""
        let reserved = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })
        return allowed && !reserved.contains(stem)
    }
}

/// File names made from names the user chose: lowercase ASCII words joined by dashes, letters with accents
/// written without them, other scripts transliterated to Latin, and a short hash when that leaves nothing or
/// two names would come out alike.
public enum FileName {
    /// "Check out a book" → "check-out-a-book"; "Bücher" → "bucher"; "заказ" → "zakaz"; "../x; rm" → "x-rm".
    public static func slug(_ name: String, maxLength: Int = 60) -> String {
        let latin = name.applyingTransform(.toLatin, reverse: false) ?? name
        let plain = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var words: [String] = []
        var word = ""
        for scalar in plain.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maxLength { break }
            slug = next
        }
        if slug.isEmpty { slug = words.first.map { String($0.prefix(maxLength)) } ?? "" }
        return slug.isEmpty ? "x-" + StableHash.hex(name, digits: 8) : slug.lowercased()
    }

    /// Slugs for `names`, in order, made distinct: a name whose slug another name already took gets a hash of
    /// itself appended ("order-3f2a9c1b").
    public static func distinctSlugs(_ names: [String], maxLength: Int = 60) -> [String] {
        var taken: Set<String> = []
        return names.map { name in
            var slug = slug(name, maxLength: maxLength)
            if taken.contains(slug) { slug += "-" + StableHash.hex(name, digits: 8) }
            var counter = 2
            let base = slug
            while taken.contains(slug) {
                slug = base + "-\(counter)"
                counter += 1
            }
            taken.insert(slug)
            return slug
        }
    }
}
