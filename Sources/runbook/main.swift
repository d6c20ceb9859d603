// Placeholder until RunbookCLI lands.
