import ClientRuntime
import SpecModel

// Spec values as the runtime's: the mock and the traffic check evaluate them with the runtime's own code, the one
// place that turns a spec condition or response selector into ClientRuntime values.

extension Condition {
    /// This condition as the runtime's conditions (all must hold).
    public var parameterConditions: [ParameterCondition] {
        equals.map { .equals($0.param.value, $0.values.map(\.text)) } + present.map { .present($0.value) } + absent.map { .absent($0.value) }
    }
}

extension Response {
    /// How a request picks one of the variants: by the selecting parameter, else by the docs' defaults.
    public var variantSelector: VariantSelector {
        VariantSelector(
            param: selectedBy?.value, variants: variants.map(\.key.value),
            defaults: defaults.map { (conditions: $0.condition.parameterConditions, variant: $0.variant.value) })
    }
}
