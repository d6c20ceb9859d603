/// The JSON Schema of a targets file. `schemas/fleet-targets.schema.json` holds the same text (a
/// test keeps them equal), so editors can validate a targets file; the loader uses this copy, so a
/// project without the file still reads targets files the same way.
enum FleetTargetsSchema {
    /// The schema's text.
    static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://runbook.dev/schemas/fleet-targets.schema.json",
  "title": "Runbook fleet targets",
  "description": "The org/env targets of `runbook fleet` and `runbook kubernetes`, with the script options they get. docs/fleets.md describes it.",
  "type": "object",
  "additionalProperties": false,
  "required": ["targets"],
  "properties": {
    "options": {
      "description": "Script options every target gets (long names without the leading --). A target's own options override these.",
      "$ref": "#/$defs/options"
    },
    "targets": {
      "description": "The targets, in order; a target's position is its index (the Kubernetes completion index).",
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["org", "env"],
        "properties": {
          "org": { "description": "The organisation: a lower-case identifier.", "type": "string" },
          "env": { "description": "The environment: a lower-case identifier.", "type": "string" },
          "options": { "description": "This target's script options.", "$ref": "#/$defs/options" }
        }
      }
    }
  },
  "$defs": {
    "options": {
      "description": "Script options by long name: true gives --name, false leaves it out, a string or number gives --name value, a list repeats the option.",
      "type": "object",
      "propertyNames": { "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$" },
      "additionalProperties": {
        "anyOf": [
          { "$ref": "#/$defs/scalar" },
          { "type": "array", "items": { "$ref": "#/$defs/scalar" } }
        ]
      }
    },
    "scalar": { "type": ["string", "number", "boolean"] }
  }
}
"""#
}
