public import JSONSchema

/// The layers an org/env configuration is made of, lowest first. Each later layer's mappings merge
/// into the earlier ones key by key; a scalar, a sequence or `null` in a later layer replaces the
/// earlier value whole (sequences are not concatenated).
///
/// | layer | file | scope | required |
/// |---|---|---|---|
/// | `defaults` | `config/defaults.{yaml,yml,json}` | every org and env | no |
/// | `org` | `config/{org}-config.{yaml,yml,json}` | one org, every env | no |
/// | `org-env` | `config/{org}-{env}-config.{yaml,yml,json}` | one org and env | yes |
/// | `environment` | `RUNBOOK__SECTION__KEY` variables | this process | no |
/// | `schema default` | the schema's `default`s | every missing key | — |
public enum ConfigLayer: String, Sendable, Equatable, CaseIterable {
    /// `config/defaults.*`.
    case defaults
    /// `config/{org}-config.*`.
    case org
    /// `config/{org}-{env}-config.*`.
    case orgEnv = "org-env"
    /// `RUNBOOK__…` environment variables.
    case environment
    /// Filled in from the schema's defaults.
    case schemaDefault = "schema default"

    /// The layer's name as `runbook config` shows it (`defaults`, `org`, `org-env`, …).
    public var name: String { rawValue }

    /// `later` merged into `earlier`: mappings key by key (keys of `earlier` keep their order, new
    /// keys follow in `later`'s order), anything else replaced by `later`. A merged mapping takes
    /// `later`'s location, so an error about the mapping itself points at the most specific file.
    /// The depth is that of the documents, which the readers already limit.
    static func merge(_ earlier: JSONNode, _ later: JSONNode) -> JSONNode {
        guard case .object(var object) = earlier.value, case .object(let overlay) = later.value else { return later }
        for member in overlay.members {
            if let index = object.index(of: member.key) {
                object.members[index].value = merge(object.members[index].value, member.value)
                object.members[index].keyLocation = member.keyLocation
            } else {
                object.members.append(member)
            }
        }
        return JSONNode(.object(object), at: later.location)
    }
}
