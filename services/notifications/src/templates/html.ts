const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value from an event or a user goes through this before it lands in HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Subjects are one line: a newline from a display name must not start a new header. */
export function oneLine(value: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A trusted fragment of HTML built by the templates from escaped values. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });

/** Tagged template that escapes every interpolated string and keeps Html fragments as they are. */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html)[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += typeof value === 'object' ? value.html : escapeHtml(String(value));
    out += strings[index + 1] ?? '';
  });
  return raw(out);
}

export const join = (parts: readonly Html[]): Html => raw(parts.map((part) => part.html).join(''));

/** The frame of every e-mail: plain, narrow, readable without images or CSS support. */
export function layout(title: string, body: Html, footer: string): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
<h1 style="font-size:20px;margin:0 0 16px">${title}</h1>
${body}
<p style="margin-top:32px;font-size:12px;color:#71717a">${footer}</p>
</div>
</body>
</html>`.html;
}
