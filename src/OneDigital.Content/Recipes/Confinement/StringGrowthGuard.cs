using Jint;

namespace OneDigital.Content.Recipes.Confinement;

/// <summary>
/// Jint charges memory between statements, so one call that builds a huge string at once (<c>'x'.repeat(4e8)</c>,
/// <c>''.padEnd(4e8)</c>, a join of a large array) allocates it before any limit is checked. These wrappers work
/// out the length first and refuse it above <c>OneDigital:Recipes:MaxValueLength</c>; a <c>ShadowRealm</c>, whose
/// fresh built-ins would go round them, is removed. Other growth (concatenation in a loop) is Jint's memory limit's.
/// </summary>
public static class StringGrowthGuard
{
    public static void Install(Engine engine, int maxLength)
    {
        engine.SetValue("__maxValueLength", maxLength);
        engine.Execute("""
            (function (max) {
              const guard = (proto, name, size) => {
                const original = proto[name];
                Object.defineProperty(proto, name, {
                  value: function (...args) {
                    const n = size(this, args);
                    if (n > max) {
                      throw new RangeError(name + '() would make a string of ' + n + ' characters, more than OneDigital:Recipes:MaxValueLength (' + max + ')');
                    }
                    return original.apply(this, args);
                  },
                  writable: true, configurable: true, enumerable: false,
                });
              };
              const count = (a) => { const n = Number(a); return Number.isFinite(n) && n > 0 ? Math.floor(n) : (n === Infinity ? Infinity : 0); };
              guard(String.prototype, 'repeat', (s, a) => String(s).length * count(a[0]));
              guard(String.prototype, 'padStart', (s, a) => Math.max(String(s).length, count(a[0])));
              guard(String.prototype, 'padEnd', (s, a) => Math.max(String(s).length, count(a[0])));
              guard(String.prototype, 'concat', (s, a) => a.reduce((n, v) => n > max ? n : n + String(v).length, String(s).length));
              guard(Array.prototype, 'join', (array, a) => {
                const separator = a[0] === undefined ? 1 : String(a[0]).length;
                let n = 0;
                for (let i = 0; i < array.length && n <= max; i++) {
                  const v = array[i];
                  n += (i > 0 ? separator : 0) + (v === undefined || v === null ? 0 : String(v).length);
                }
                return n;
              });
              // A second realm has its own untouched String.prototype; recipes have no use for one.
              delete globalThis.ShadowRealm;
            })(__maxValueLength);
            delete globalThis.__maxValueLength;
            """);
    }
}
