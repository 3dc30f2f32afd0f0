package network.internet2.management.webconsole.internal;

/** The few CSS rules of the pages, inline: the console serves no resources of ours. */
final class Styles {

    private Styles() {
    }

    /** Rules scoped to the {@code i2} prefix, so that the console's own look is untouched. */
    static final String CSS = """
            .i2{font-size:13px;line-height:1.45;color:#1f2328;max-width:1400px}
            .i2 h2{font-size:15px;margin:16px 0 8px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
            .i2 h3{font-size:13px;font-weight:600;color:#57606a;margin:10px 0 4px}
            .i2 p{margin:4px 0 8px}
            .i2-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px;align-items:start}
            .i2-card{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;background:#fff}
            .i2-card-title{font-weight:600;font-size:14px;margin-bottom:6px}
            .i2-table{border-collapse:collapse;width:100%;margin:4px 0 10px;background:#fff}
            .i2-table th{text-align:left;background:#eef1f4;font-weight:600}
            .i2-table th,.i2-table td{padding:3px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top;overflow-wrap:break-word}
            .i2-facts td:last-child{overflow-wrap:anywhere}
            .i2-table tbody tr:nth-child(even) td{background:#f8f9fb}
            .i2-facts td:first-child{color:#57606a;white-space:nowrap;width:1%}
            .i2-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .i2-badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:11px;font-weight:600;color:#fff;vertical-align:1px;white-space:nowrap}
            .i2-good{background:#1a7f37}.i2-bad{background:#cf222e}.i2-warn{background:#bf8700}.i2-none{background:#6e7781}
            .i2-absent{color:#6e7781;font-style:italic}
            .i2-note{color:#57606a}
            .i2-problems{color:#cf222e;margin:4px 0 8px;padding-left:18px}
            .i2 code{font-family:monospace;font-size:12px;overflow-wrap:anywhere}
            """;
}
