// RunbookCLI
