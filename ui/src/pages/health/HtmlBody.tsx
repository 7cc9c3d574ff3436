import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  p: { margin: 0 },
});

/**
 * paragraphs reads Graph's html item body as paragraphs of lines of plain
 * text. The server writes the operator's text escaped into <p> and <br>
 * only; rather than trust that, the HTML is parsed into an inert document
 * (DOMParser runs no scripts and loads nothing) and only its text is kept:
 * <p> starts a paragraph, <br> a line, any other element counts as its text.
 */
export function paragraphs(html: string): string[][] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: string[][] = [];
  let loose: string[] | null = null; // text outside any <p>
  const push = (lines: string[]) => {
    const trimmed = lines.map((l) => l.trim());
    if (trimmed.some((l) => l !== '')) out.push(trimmed);
  };
  const linesOf = (el: Node): string[] => {
    const lines = [''];
    el.childNodes.forEach((n) => {
      if (n.nodeName === 'BR') lines.push('');
      else lines[lines.length - 1] += n.textContent ?? '';
    });
    return lines;
  };
  doc.body.childNodes.forEach((n) => {
    if (n.nodeName === 'P') {
      if (loose) push(loose);
      loose = null;
      push(linesOf(n));
    } else if (n.nodeName === 'BR') {
      (loose ??= ['']).push('');
    } else {
      loose ??= [''];
      loose[loose.length - 1] += n.textContent ?? '';
    }
  });
  if (loose) push(loose);
  return out;
}

/** HtmlBody shows an html item body (an issue post, a message) as plain paragraphs: no markup of the server's reaches the page. */
export function HtmlBody({ body }: { body: { contentType: string; content: string } }) {
  const s = useStyles();
  const paras = body.contentType === 'html' ? paragraphs(body.content) : body.content.split(/\n\s*\n/).map((p) => p.split('\n'));
  return (
    <div className={s.body}>
      {paras.map((lines, i) => (
        <p key={i} className={s.p}>
          {lines.map((l, j) => <span key={j}>{j > 0 && <br />}{l}</span>)}
        </p>
      ))}
    </div>
  );
}
