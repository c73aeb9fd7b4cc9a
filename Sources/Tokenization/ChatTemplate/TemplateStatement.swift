/// A statement node of a parsed template, with the line of its tag.
struct TemplateStatement: Sendable {
    let kind: Kind
    let line: Int

    indirect enum Kind: Sendable {
        /// Literal template text.
        case text(String)
        /// `{{ expression }}`.
        case output(TemplateExpression)
        /// `{% if %}…{% elif %}…{% else %}…{% endif %}`.
        case conditional(branches: [(test: TemplateExpression, body: [TemplateStatement])], otherwise: [TemplateStatement])
        /// `{% for target in iterable if filter %}…{% else %}…{% endfor %}`.
        case loop(ForLoop)
        /// `{% set target = value %}`.
        case assign(AssignTarget, TemplateExpression)
        /// `{% set target | filters %}…{% endset %}`; the filter chain's innermost base is nil.
        case assignBlock(AssignTarget, filter: TemplateExpression?, body: [TemplateStatement])
        /// `{% macro name(params) %}…{% endmacro %}`.
        case macro(MacroDefinition)
        /// `{% call(params) macro(args) %}…{% endcall %}`: `call` is the macro call; the body becomes `caller`.
        case callBlock(call: TemplateExpression, caller: MacroDefinition)
        /// `{% filter f %}…{% endfilter %}`; the filter chain's innermost base is nil.
        case filterBlock(filter: TemplateExpression, body: [TemplateStatement])
        /// `{% with a = x, b = y %}…{% endwith %}`.
        case with(bindings: [(name: String, value: TemplateExpression)], body: [TemplateStatement])
        /// `{% break %}` and `{% continue %}` (jinja2's loopcontrols extension, which transformers enables).
        case loopBreak, loopContinue
        /// `{% generation %}…{% endgeneration %}` (transformers' assistant-mask extension): renders its body.
        case generation([TemplateStatement])
    }

    struct ForLoop: Sendable {
        let target: AssignTarget
        let iterable: TemplateExpression
        let filter: TemplateExpression?
        let recursive: Bool
        let body: [TemplateStatement]
        let otherwise: [TemplateStatement]
    }
}

/// The left side of `set` and `for`.
enum AssignTarget: Sendable {
    case name(String)
    case tuple([String])
    /// `ns.attribute`.
    case namespaceAttribute(String, String)
}

/// A macro's signature and body.
struct MacroDefinition: Sendable {
    let name: String
    let parameters: [(name: String, defaultValue: TemplateExpression?)]
    let body: [TemplateStatement]
    let line: Int
}
