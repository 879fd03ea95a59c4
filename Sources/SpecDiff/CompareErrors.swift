import SpecModel

extension SpecComparer {
    /// The error catalog by code. A name that moves to another code is a changed code, not a removal and an addition.
    mutating func compareErrors() {
        let errors = Matched(old.errors, new.errors) { $0.code.value }
        var added = errors.added
        for error in errors.removed {
            if let index = added.firstIndex(where: { $0.name.value == error.name.value }) {
                let now = added.remove(at: index)
                report(
                    .errorCodeChanged, at: now.code.location, "error `\(now.name.value)` now has code \(now.code.value) (was \(error.code.value))",
                    swift: "\(newNames.errorMember(now.name.value)) now matches code \(now.code.value)")
                describe("error \(now.code.value)", at: now.code.location, [("description", error.description, now.description)])
            } else {
                report(
                    .errorCodeRemoved, at: error.code.location, "error code \(error.code.value) (`\(error.name.value)`) was removed",
                    swift: "\(oldNames.errorMember(error.name.value)) is removed; code that matches on it stops matching")
            }
        }
        for error in added {
            report(
                .errorCodeAdded, at: error.code.location, "error code \(error.code.value) (`\(error.name.value)`) was added",
                swift: "new member \(newNames.errorMember(error.name.value))")
        }
        for (a, b) in errors.common {
            if a.name.value != b.name.value {
                let before = oldNames.errorMember(a.name.value), now = newNames.errorMember(b.name.value)
                report(
                    .errorCodeRenamed, at: b.name.location, "error code \(b.code.value) is now named `\(b.name.value)` (was `\(a.name.value)`)",
                    swift: before == now ? nil : "\(before) is now \(now)")
            }
            describe("error \(b.code.value)", at: b.code.location, [("description", a.description, b.description)])
        }
    }

    /// Message catalogs by name, their messages by text.
    mutating func compareMessageCatalogs() {
        let catalogs = Matched(old.messageCatalogs, new.messageCatalogs) { $0.name.value }
        for catalog in catalogs.removed {
            report(.errorMessageRemoved, at: catalog.name.location, "message catalog `\(catalog.name.value)` (\(count(catalog.messages.count))) was removed")
        }
        for catalog in catalogs.added {
            report(.errorMessageAdded, at: catalog.name.location, "message catalog `\(catalog.name.value)` (\(count(catalog.messages.count))) was added")
        }
        for (a, b) in catalogs.common {
            let owner = "message catalog `\(b.name.value)`"
            let messages = Matched(a.messages, b.messages) { $0.message.value }
            for message in messages.removed {
                report(.errorMessageRemoved, at: message.message.location, "\(owner): message \"\(message.message.value)\" was removed")
            }
            for message in messages.added {
                report(.errorMessageAdded, at: message.message.location, "\(owner): message \"\(message.message.value)\" was added")
            }
            for (x, y) in messages.common {
                describe("\(owner): message \"\(y.message.value)\"", at: y.message.location, [("description", x.description, y.description)])
            }
            let codesA = Set(a.codes.map(\.value)), codesB = Set(b.codes.map(\.value))
            if codesA != codesB {
                report(
                    .errorMessageCodesChanged, at: b.codes.first?.location ?? b.name.location,
                    "\(owner): now applies to codes \(codesB.sorted().joined(separator: ", ")) (was \(codesA.sorted().joined(separator: ", ")))")
            }
            describe(owner, at: b.name.location, [("description", a.description, b.description)])
        }
    }

    private func count(_ n: Int) -> String { n == 1 ? "1 message" : "\(n) messages" }
}
