// A temporary password made in the browser for "Automatically create a
// password": 16 characters from an alphabet without look-alikes (0/O,
// 1/l/I), with every character class, drawn with crypto.getRandomValues.

const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%&*+-=?@'];

function pick(set: string, rnd: Uint32Array, i: number): string {
  return set[rnd[i] % set.length];
}

/** generatePassword returns a random password with upper and lower case letters, digits and symbols. */
export function generatePassword(length = 16): string {
  const all = classes.join('');
  const rnd = new Uint32Array(length * 2);
  crypto.getRandomValues(rnd);
  const chars = classes.map((c, i) => pick(c, rnd, i));
  for (let i = chars.length; i < length; i++) chars.push(pick(all, rnd, i));
  // Shuffle (Fisher–Yates) so the classes aren't always in front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = rnd[length + i] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
