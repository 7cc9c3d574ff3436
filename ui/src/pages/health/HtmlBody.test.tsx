import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HtmlBody, paragraphs } from './HtmlBody';

describe('paragraphs', () => {
  it('reads the server\'s paragraphs and line breaks, unescaping the text', () => {
    expect(paragraphs('<p>We&#39;re on it.<br>Next update at 15:00.</p><p>See &lt;b&gt;this&lt;/b&gt; &amp; that.</p>'))
      .toEqual([["We're on it.", 'Next update at 15:00.'], ['See <b>this</b> & that.']]);
  });

  it('keeps only the text of any other markup, and text outside paragraphs', () => {
    expect(paragraphs('intro<p>a <b>bold</b> <a href="javascript:x">link</a></p><script>alert(1)</script><img src=x onerror=alert(1)>'))
      .toEqual([['intro'], ['a bold link'], ['alert(1)']]);
  });

  it('drops empty paragraphs', () => {
    expect(paragraphs('<p> </p><p>x</p>')).toEqual([['x']]);
  });
});

describe('HtmlBody', () => {
  it('renders no element of the body, only its text', () => {
    const { container } = render(<HtmlBody body={{ contentType: 'html', content: '<p>one<br>two</p><p><img src=x onerror="window.hit=1">three</p>' }} />);
    expect(container.querySelectorAll('img, script, a')).toHaveLength(0);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['onetwo', 'three']);
    expect(container.querySelectorAll('br')).toHaveLength(1);
  });

  it('shows a text body with its blank-line paragraphs', () => {
    const { container } = render(<HtmlBody body={{ contentType: 'text', content: 'a\n\nb <i>c</i>' }} />);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['a', 'b <i>c</i>']);
  });
});
