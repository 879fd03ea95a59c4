import SpecModel

extension OpenAPIExporter {
    /// `when`, `whenPresent`, `whenAbsent` members of a condition.
    func conditionMembers(_ condition: Condition) -> [OpenAPIValue.Member] {
        var out = ObjectBuilder()
        out.set("when", object: condition.equals.map(equalsMember))
        out.set("whenPresent", list: condition.present.map { .string($0.value) })
        out.set("whenAbsent", list: condition.absent.map { .string($0.value) })
        return out.members
    }

    func equalsMember(_ equals: Condition.Equals) -> OpenAPIValue.Member {
        .init(key: equals.param.value, value: .strings(equals.values.map(\.text)))
    }

    func ruleValue(_ rule: Rule) -> OpenAPIValue {
        var members = conditionMembers(rule.condition)
        let requirement: OpenAPIValue
        if case let .requireValue(equals) = rule.requirement {
            requirement = .object(equals.map(equalsMember))
        } else {
            requirement = .strings(rule.requirement.params.map(\.value))
        }
        members.append(.init(key: rule.requirement.keyword, value: requirement))
        var extra = ObjectBuilder()
        extra.set("description", rule.description)
        extra.set("error", rule.error)
        extra.set("docs", rule.docs)
        return .object(members + extra.members)
    }

    func weightValue(_ weight: Weight) -> OpenAPIValue {
        switch weight {
        case let .fixed(value): .number(String(value))
        case let .cases(cases, fallback):
            .build {
                $0.set("cases", casesValue(cases))
                $0.set("default", .number(String(fallback)))
            }
        case let .byParam(param, ranges):
            .build {
                $0.set("byParam", .string(param.value))
                $0.set("ranges", rangesValue(ranges))
            }
        case let .byCount(count):
            .build {
                $0.set("byCount", .string(count.param.value))
                switch count.scale {
                case let .ranges(ranges): $0.set("ranges", rangesValue(ranges))
                case let .perItem(each, cap):
                    $0.set("perItem", .number(String(each)))
                    $0.set("cap", cap.map { .number(String($0)) })
                }
                if !count.cases.isEmpty { $0.set("cases", casesValue(count.cases)) }
                $0.set("default", count.absent.map { .number(String($0)) })
            }
        }
    }

    func casesValue(_ cases: [Weight.Case]) -> OpenAPIValue {
        .array(
            cases.map { item in
                .object(conditionMembers(item.condition) + [.init(key: "weight", value: .number(String(item.weight)))])
            })
    }

    func rangesValue(_ ranges: [Weight.Range]) -> OpenAPIValue {
        .array(
            ranges.map { range in
                .build {
                    $0.set("max", range.max.map { .number(String($0)) })
                    $0.set("weight", .number(String(range.weight)))
                }
            })
    }

    func statusRule(_ rule: HTTPStatusRule) -> OpenAPIValue {
        .build {
            $0.set("status", .string(rule.status.value))
            $0.set("meaning", .string(rule.meaning.rawValue))
            $0.set("description", rule.description)
        }
    }

    func rateLimits() -> OpenAPIValue? {
        guard let limits = spec.rateLimits else { return nil }
        return .build { out in
            out.set(
                "limiters",
                list: limits.limiters.map { limiter in
                    .build {
                        $0.set("type", .string(limiter.type))
                        $0.set("interval", .string(limiter.interval))
                        $0.set("intervalNum", .number(String(limiter.intervalNum)))
                        $0.set("limit", .number(String(limiter.limit)))
                    }
                })
            out.set(
                "headers",
                object: ObjectBuilder.with {
                    $0.set("usedWeight", limits.usedWeightHeader)
                    $0.set("orderCount", limits.orderCountHeader)
                    $0.set("retryAfter", limits.retryAfterHeader)
                })
            out.set("description", limits.description)
        }
    }

    func errorCode(_ code: ErrorCode) -> OpenAPIValue {
        .build {
            $0.set("code", code.isNumeric ? .number(code.code.value) : .string(code.code.value))
            $0.set("name", .string(code.name.value))
            $0.set("description", code.description)
        }
    }

    func messageCatalog(_ catalog: MessageCatalog) -> OpenAPIValue {
        .build { out in
            out.set("name", .string(catalog.name.value))
            out.set("description", catalog.description)
            out.set("codes", list: catalog.codes.map { .string($0.value) })
            out.set(
                "messages",
                list: catalog.messages.map { message in
                    .build {
                        $0.set("message", .string(message.message.value))
                        $0.set("description", message.description)
                    }
                })
        }
    }

    func erratum(_ erratum: Erratum) -> OpenAPIValue {
        .build {
            $0.set("at", .string(erratum.at.value))
            $0.set("docsSay", .string(erratum.docsSay))
            $0.set("specSays", .string(erratum.specSays))
            $0.set("why", .string(erratum.why))
            $0.set("doc", erratum.doc)
        }
    }
}

extension ObjectBuilder {
    /// The members of a builder filled in place.
    static func with(_ fill: (inout ObjectBuilder) -> Void) -> [OpenAPIValue.Member] {
        var builder = ObjectBuilder()
        fill(&builder)
        return builder.members
    }
}
