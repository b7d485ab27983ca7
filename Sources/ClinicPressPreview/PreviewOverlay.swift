import ClinicPressModel
import ClinicPressRender
import Foundation

/// The editor overlay on post pages (preview only, never in `build` output): uncited claims highlighted in the
/// text with their rule and message on hover, and a panel listing every finding of the page.
enum PreviewOverlay {
    static func claims(_ findings: [Diagnostic]) -> String {
        guard !findings.isEmpty else { return "" }
        let json = JSON.array(findings.sorted().map { finding in
            .object([
                "line": .int(finding.location.line),
                "column": .int(finding.location.column),
                "severity": .string(finding.severity.rawValue),
                "rule": .string(finding.rule),
                "message": .string(finding.message),
                "excerpt": finding.excerpt.map(JSON.string),
                "because": finding.because.map(JSON.string),
            ])
        }).serialized(htmlSafe: true)
        return """
        <script type="application/json" id="cp-findings">\(json)</script>
        <style>
          mark.cp-claim { background: #ffe08a; border-bottom: 2px solid #c25e00; padding: 0 .1em; cursor: help; }
          mark.cp-claim.cp-warning { background: #fff3c4; border-bottom-color: #d9a300; }
          mark.cp-claim.cp-info { background: #e4f0ff; border-bottom-color: #3b73c4; }
          .cp-panel { position: fixed; right: 1rem; bottom: 1rem; width: min(26rem, calc(100vw - 2rem)); max-height: 45vh; overflow: auto; z-index: 1000;
                      background: #fff; color: #1d2b2a; border: 1px solid #d0d7d5; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.18);
                      font: 14px/1.45 system-ui, sans-serif; }
          .cp-panel summary { padding: .6rem .9rem; font-weight: 700; cursor: pointer; }
          .cp-panel ol { margin: 0; padding: 0 .9rem .8rem 2rem; }
          .cp-panel li { margin: .45rem 0; }
          .cp-panel code { font-size: 12px; color: #5b6b68; }
        </style>
        <script>/* ClinicPress claim overlay (preview only) */
        (() => {
          const findings = JSON.parse(document.getElementById("cp-findings").textContent);
          const body = document.querySelector(".post-body") || document.body;
          const squash = (text) => text.replace(/\\s+/g, " ").trim();
          const highlight = (finding) => {
            if (!finding.excerpt) return false;
            const wanted = squash(finding.excerpt).slice(0, 60);
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            const nodes = []; let text = "";
            for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push([node, text.length]); text += node.data; }
            const flat = text.replace(/\\s/g, " ");
            const start = findSquashed(flat, wanted);
            if (start < 0) return false;
            const end = endOfSentence(flat, start, squash(finding.excerpt).length);
            for (const [node, offset] of nodes) {
              const from = Math.max(start, offset), to = Math.min(end, offset + node.data.length);
              if (from >= to || node.parentElement.closest("mark.cp-claim, .cp-panel")) continue;
              const range = document.createRange();
              range.setStart(node, from - offset); range.setEnd(node, to - offset);
              const mark = document.createElement("mark");
              mark.className = "cp-claim cp-" + finding.severity;
              mark.title = finding.rule + ": " + finding.message + (finding.because ? " — " + finding.because : "");
              range.surroundContents(mark);
            }
            return true;
          };
          const findSquashed = (flat, wanted) => {
            const squashed = []; const map = [];
            for (let i = 0; i < flat.length; i++) { if (flat[i] === " " && squashed[squashed.length - 1] === " ") continue; squashed.push(flat[i]); map.push(i); }
            const at = squashed.join("").indexOf(wanted);
            return at < 0 ? -1 : map[at];
          };
          const endOfSentence = (flat, start, length) => {
            let seen = 0, i = start;
            while (i < flat.length && seen < length) { if (!(flat[i] === " " && flat[i - 1] === " ")) seen++; i++; }
            return i;
          };
          const panel = document.createElement("details");
          panel.className = "cp-panel"; panel.open = true;
          panel.innerHTML = "<summary></summary><ol></ol>";
          panel.querySelector("summary").textContent = findings.length + " finding" + (findings.length === 1 ? "" : "s") + " on this page (preview only)";
          for (const finding of findings) {
            highlight(finding);
            const item = document.createElement("li");
            item.innerHTML = "<strong></strong> <span></span><br><code></code>";
            item.querySelector("strong").textContent = finding.severity;
            item.querySelector("span").textContent = finding.message + (finding.because ? " — " + finding.because : "");
            item.querySelector("code").textContent = "line " + finding.line + ":" + finding.column + " [" + finding.rule + "]";
            panel.querySelector("ol").appendChild(item);
          }
          document.body.appendChild(panel);
        })();
        </script>

        """
    }
}
