/// The report page's stylesheet (inline: the page loads nothing). Each outcome has a colour and
/// the cell always says the outcome in words too, so the grid reads without colour.
enum FleetReportStyle {
    static let css = """
        :root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
        body { margin: 24px; max-width: 1200px; }
        h1 { font-size: 24px; margin: 0 0 6px; } h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid #d0d7de; }
        h3 { font-size: 15px; margin: 0 0 8px; }
        .meta, footer { color: #59636e; font-size: 13px; } footer { margin-top: 32px; }
        code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        pre { margin: 0; white-space: pre-wrap; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; }
        .cell { border-radius: 6px; padding: 8px 10px; border: 2px solid; display: flex; flex-direction: column; gap: 2px; }
        .cell .name { font-weight: 600; overflow-wrap: anywhere; } .cell .outcome { font-size: 13px; }
        .cell .figures { font-size: 12px; opacity: 0.8; }
        .badge { border-radius: 10px; padding: 1px 8px; font-size: 12px; border: 1px solid; white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
        td.duration { white-space: nowrap; }
        .bar { display: inline-block; width: 90px; height: 9px; margin-right: 8px; background: #eaeef2; border-radius: 3px; }
        .bar span { display: block; height: 100%; background: #54aeff; border-radius: 3px; }
        td.outcome { font-weight: 600; border: none; }
        .failure { border-left: 4px solid; padding: 8px 12px; margin: 0 0 12px; background: #f6f8fa; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; font-size: 13px; }
        dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
        .none, .notes { color: #59636e; font-size: 13px; }
        .outcome-succeeded { background: #dafbe1; border-color: #1a7f37; color: #0f5323; }
        .outcome-completedWithFailures { background: #fff8c5; border-color: #9a6700; color: #633c01; }
        .outcome-failed { background: #ffebe9; border-color: #cf222e; color: #82071e; }
        .outcome-temporaryFailure { background: #fff1e5; border-color: #bc4c00; color: #762c00; }
        .outcome-configurationError, .outcome-usageError { background: #fbefff; border-color: #8250df; color: #512a97; }
        .outcome-interrupted { background: #eaeef2; border-color: #59636e; color: #1f2328; }
        .outcome-pending, .outcome-running, .outcome-skipped { background: #fff; border-color: #afb8c1; border-style: dashed; color: #59636e; }
        """
}
