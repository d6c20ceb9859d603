/// The hand-written part of the configuration reference: how the layers merge, and where secrets
/// come from. Its `runbook config` examples are checked against the real output by DocsOutputTests,
/// which writes the YAML blocks headed `# config/…` into a copy of the demo project first.
extension ConfigReference {
    static let guide = """
        ## Layers

        200 organisations need not repeat 200 full files. A configuration is merged from up to four
        layers, lowest first; a later layer overrides an earlier one:

        | order | layer | where | applies to | required |
        |---|---|---|---|---|
        | 1 | `defaults` | `config/defaults.{yaml,yml,json}` | every org and env | no |
        | 2 | `org` | `config/{org}-config.{yaml,yml,json}` | one org, every env | no |
        | 3 | `org-env` | `config/{org}-{env}-config.{yaml,yml,json}` | one org and env | yes |
        | 4 | `environment` | `RUNBOOK__SECTION__KEY=value` variables | this process | no |

        Then every key still missing gets its schema default, and the merged document is validated
        against the schema as **one** document: a `required` key may come from any layer, and every
        problem is reported at once, at the file, line and column its value came from (a bad value in
        `config/defaults.yaml` is reported at `config/defaults.yaml:3:18`, whichever org/env is loaded).
        `run`, `validate` and `config` load the same layers the same way.

        **Merge rule.** Mappings merge key by key, at every depth. Anything else in a later layer (a
        string, a number, a boolean, `null`, a sequence) replaces the earlier value whole: sequences
        are not concatenated, and a mapping replaced by a scalar (or a scalar by a mapping) is replaced.
        Each file is first read on its own, with its own rules: no duplicate keys, the nesting limit,
        YAML anchors and merge keys (`<<`) within the file only.

        **Which org/env pairs exist** does not change: a pair exists when its
        `config/{org}-{env}-config.*` file exists (`runbook validate --all`, the "Configurations found"
        hint). `defaults.*` is no organisation, and an org layer is no pair. Org and env are joined with
        `-`, so a name can be read two ways: `config/big-corp-config.yaml` is the org layer of
        `big-corp` as soon as some `config/big-corp-{env}-config.*` exists, and then loading `big`/`corp`
        fails with an "ambiguous" error rather than guess; without such a file it is `big`/`corp`'s
        configuration. The secrets file stays per org/env: `config/{org}-{env}-config-secrets.*`.

        An example: every organisation retries three times and is rate limited, acme has its own API,
        and acme's production tenant needs more retries.

        ```yaml
        # config/defaults.yaml
        script-behavior:
          retry-strategy:
            max-retries: 3
          rate-limiting:
            enabled: true
            calls-per-second: 5
        ```

        ```yaml
        # config/acme-config.yaml
        global:
          api-base-url: https://acme.example.com/api/
        script-behavior:
          rate-limiting:
            calls-per-second: 20
        ```

        ```yaml
        # config/acme-prod-config.yaml
        global:
          api-version: v2.0
        script-behavior:
          retry-strategy:
            max-retries: 6
        ```

        `runbook config` names the layer of every value (the comment line is line 1 of each file;
        `global` follows `script-behavior` because the defaults file names that section first):

        ```
        $ runbook config acme prod --explain script-behavior.rate-limiting.calls-per-second
        script-behavior.rate-limiting.calls-per-second: 20
          origin:  config/acme-config.yaml:6:23 (org layer)
          type:    number (0.1 to 1000)
          default: 10
          meaning: Sustained requests per second.
        ```

        ```
        $ runbook config acme prod
        # Effective configuration for acme/prod (config/defaults.yaml → config/acme-config.yaml → config/acme-prod-config.yaml)
        script-behavior:
          retry-strategy:
            max-retries: 6                             # config/acme-prod-config.yaml:6:18 (org-env layer)
            backoff-factor: 3.0                        # schema default
          rate-limiting:
            enabled: true                              # config/defaults.yaml:6:14 (defaults layer)
            calls-per-second: 20                       # config/acme-config.yaml:6:23 (org layer)
            burst-size: 1                              # schema default
        …
        ```

        ## Secrets from files

        Secrets are never part of the layers. They come from these sources, lowest first; a later
        source replaces a key of an earlier one:

        | order | source | form |
        |---|---|---|
        | 1 | `config/{org}-{env}-config-secrets.{yaml,yml,json}` | a flat mapping `key: value` |
        | 2 | the secrets folder: `--secrets-dir DIR` (`run`, `validate`, `config`) or `RUNBOOK_SECRETS_DIR=DIR` | `DIR/{org}-{env}/<key>`, one file per key |
        | 3 | `RUNBOOK_SECRET_<KEY>_FILE=PATH` | the file holding one key's value |
        | 4 | `RUNBOOK_SECRET_<KEY>=value` | the value itself |

        `KEY` is the key upper-cased with `_` for `-`: `RUNBOOK_SECRET_CLIENT_SECRET_FILE` sets
        `client-secret`. A variable ending in `_FILE` always names a file, so a key that itself ends in
        `-file` can only come from the secrets file or folder.

        A secret file's content is the value, with one trailing newline removed (`echo` adds one). In
        the folder, names starting with `.` are skipped: Kubernetes mounts a Secret as links into
        `..data`, itself a link to a timestamped `..2026_12_02_…` folder, and the links are followed.
        Every other entry must be a file named like a key (`a-z`, `0-9`, `-`, `_`). A missing `DIR` is a
        configuration error (exit 78) naming the path; a `DIR` without a `{org}-{env}` folder holds no
        secrets for that target. A file that is missing, unreadable, a folder, not UTF-8 text or larger
        than 1 MiB is a configuration error (78) that never shows the content. A secrets file or secret
        file that its group or others may read is used, with a warning (logged by `run`, printed by
        `validate` and `config`): `chmod 600` it. A file of another owner that one of the process's
        groups may read is not warned about for that group: it is how a non-root Kubernetes pod reads a
        Secret volume (`defaultMode: 0440` and the pod's `fsGroup`), as `runbook kubernetes` mounts it.

        `--secrets-dir` is relative to the current directory; relative paths in `RUNBOOK_SECRETS_DIR`
        and `RUNBOOK_SECRET_<KEY>_FILE` are relative to the project root. Every value read is
        registered for redaction like any other secret, replaced ones included: it never appears in a
        log line, an error, a record or an output file, and `runbook config` lists it by name and file.

        A Kubernetes projected volume laid out for one pod that runs several targets:

        ```yaml
        volumes:
          - name: runbook-secrets
            projected:
              defaultMode: 0440    # with the pod's securityContext.fsGroup
              sources:
                - secret:
                    name: acme-prod
                    items: [{key: client-secret, path: acme-prod/client-secret}]
                - secret:
                    name: globex-test
                    items: [{key: client-secret, path: globex-test/client-secret}]
        ```

        ```
        runbook validate acme prod --secrets-dir /var/run/runbook-secrets
        RUNBOOK_SECRET_CLIENT_SECRET_FILE=/run/secrets/acme_prod_client_secret runbook config acme prod
        ```

        """
}
