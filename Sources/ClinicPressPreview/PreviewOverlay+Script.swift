extension PreviewOverlay {
    /// Finds each finding's sentence in the text (`data-excerpt`, compared with runs of white space made one) and
    /// wraps it in `<mark>`s: the first gets `id="cp-finding-N"` and `tabindex="-1"`, and a marker link after the last
    /// leads back to the panel entry. Clicking an entry's sentence scrolls to the highlight and focuses it; `j`/`n` and
    /// `k`/`p` move to the next and previous finding; on narrow screens the badge opens the panel as a sheet and `Esc`
    /// closes it.
    static let script = #"""
    (() => {
      const panel = document.getElementById("cp-review");
      if (!panel) return;
      document.documentElement.classList.add("cp-has-review");
      const body = document.querySelector(".post-body") || document.querySelector("main") || document.body;
      const narrow = () => window.matchMedia("(max-width: 800px)").matches;
      const badge = panel.querySelector(".cp-badge");
      const status = panel.querySelector(".cp-status");
      const icons = { error: "\u2716", warning: "\u25B2", info: "\u2139" };
      const words = { error: "Error", warning: "Warning", info: "Note" };
      const squashFlat = (flat) => {
        const squashed = []; const map = [];
        for (let i = 0; i < flat.length; i++) { if (flat[i] === " " && squashed[squashed.length - 1] === " ") continue; squashed.push(flat[i]); map.push(i); }
        return [squashed.join(""), map];
      };
      const squash = (text) => text.replace(/\s+/g, " ").trim();
      const highlight = (entry, number) => {
        const excerpt = squash(entry.dataset.excerpt || "");
        if (!excerpt) return null;
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        const nodes = []; let text = "";
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement.closest(".cp-review, a.cp-marker, script, style")) { text += " ".repeat(node.data.length); nodes.push(null); continue; }
          nodes.push([node, text.length]); text += node.data;
        }
        const flat = text.replace(/\s/g, " ");
        const [squashed, map] = squashFlat(flat);
        const at = squashed.indexOf(excerpt.slice(0, 60));
        if (at < 0) return null;
        const start = map[at];
        const endAt = Math.min(squashed.length, at + excerpt.length);
        const end = endAt >= squashed.length ? flat.length : map[endAt];
        const marks = [];
        for (const item of nodes) {
          if (!item) continue;
          const [node, offset] = item;
          const from = Math.max(start, offset), to = Math.min(end, offset + node.data.length);
          if (from >= to || node.data.slice(from - offset, to - offset).trim() === "") continue;
          // A sentence with two findings: the second uses the first one's highlight.
          const marked = node.parentElement.closest("mark.cp-claim");
          if (marked) { if (!marks.includes(marked)) marks.push(marked); continue; }
          const range = document.createRange();
          range.setStart(node, from - offset); range.setEnd(node, to - offset);
          const mark = document.createElement("mark");
          mark.className = "cp-claim cp-" + entry.dataset.severity;
          range.surroundContents(mark);
          marks.push(mark);
        }
        if (!marks.length) return null;
        const first = marks[0];
        if (!first.id) { first.id = "cp-finding-" + number; first.tabIndex = -1; }
        const marker = document.createElement("a");
        marker.className = "cp-marker cp-" + entry.dataset.severity;
        marker.href = "#" + entry.id;
        marker.textContent = icons[entry.dataset.severity] || "!";
        marker.setAttribute("aria-label", words[entry.dataset.severity] + " " + number + ": " + entry.dataset.rule + " (show in the review panel)");
        const last = marks[marks.length - 1];
        last.after(marker);
        return first;
      };
      const entries = [...panel.querySelectorAll(".cp-entry")];
      const targets = entries.map((entry, index) => {
        const mark = highlight(entry, index + 1);
        if (!mark) {
          const go = entry.querySelector(".cp-go");
          if (go) { const note = document.createElement("span"); note.className = "cp-missing"; note.textContent = go.textContent + " (not found in the page)"; go.replaceWith(note); }
        }
        return mark;
      });
      const open = (yes) => {
        panel.classList.toggle("cp-open", yes);
        badge.setAttribute("aria-expanded", yes ? "true" : "false");
      };
      let current = -1;
      const setCurrent = (index) => {
        current = index;
        entries.forEach((entry, i) => entry.classList.toggle("cp-current", i === index));
        targets.forEach((mark, i) => mark && mark.classList.toggle("cp-current", i === index));
      };
      const goTo = (index) => {
        const mark = targets[index];
        if (!mark) return false;
        setCurrent(index);
        if (narrow()) open(false);
        mark.scrollIntoView({ block: "center" });
        mark.focus({ preventScroll: true });
        if (!narrow()) entries[index].scrollIntoView({ block: "nearest" });
        return true;
      };
      const showEntry = (index) => {
        setCurrent(index);
        if (narrow()) open(true);
        entries[index].scrollIntoView({ block: "nearest" });
        entries[index].focus({ preventScroll: true });
      };
      badge.addEventListener("click", () => {
        const willOpen = !panel.classList.contains("cp-open");
        open(willOpen);
        if (willOpen) (panel.querySelector(".cp-close") || badge).focus();
      });
      panel.querySelector(".cp-close").addEventListener("click", () => { open(false); badge.focus(); });
      entries.forEach((entry, index) => {
        const go = entry.querySelector(".cp-go");
        if (go) go.addEventListener("click", (event) => { if (goTo(index)) event.preventDefault(); });
        const copy = entry.querySelector(".cp-copy");
        copy.addEventListener("click", async () => {
          const text = copy.dataset.copy;
          try { await navigator.clipboard.writeText(text); }
          catch (error) {
            const field = document.createElement("textarea"); field.value = text; document.body.appendChild(field);
            field.select(); document.execCommand("copy"); field.remove();
          }
          status.textContent = "Copied " + text;
          copy.textContent = "Copied";
          setTimeout(() => { copy.textContent = "Copy"; }, 1500);
        });
      });
      document.querySelectorAll("a.cp-marker").forEach((marker) => {
        marker.addEventListener("click", (event) => {
          const index = entries.findIndex((entry) => "#" + entry.id === marker.getAttribute("href"));
          if (index < 0) return;
          event.preventDefault();
          showEntry(index);
        });
      });
      const step = (direction) => {
        const found = targets.map((mark, i) => mark ? i : -1).filter((i) => i >= 0);
        if (!found.length) return;
        const position = found.indexOf(current);
        const next = position < 0 ? (direction > 0 ? found[0] : found[found.length - 1])
                                   : found[(position + direction + found.length) % found.length];
        goTo(next);
      };
      document.addEventListener("keydown", (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
        if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
        else if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
        else if (event.key === "Escape" && panel.classList.contains("cp-open")) { open(false); badge.focus(); }
      });
    })();

    """#
}
