using System.Runtime.InteropServices;

namespace OneDigital.Content.Store;

/// <summary>
/// Hands the native memory a large import or index rebuild freed back to the operating system. glibc's allocator keeps
/// what SQLite and the runtime free in its per-thread arenas for reuse, and the arenas of threads that worked during
/// the import are rarely used again: after a 100,000-item import and its rebuild, the benchmark's process kept 71 MB
/// of freed native memory resident (anonymous 141 -> 70 MB after <c>malloc_trim</c>), carried into every request
/// the node served afterwards. Elsewhere (Windows under IIS, musl) this does nothing.
/// </summary>
public static class FreedNativeMemory
{
    // Below this, the few megabytes an import could leave behind are not worth walking every arena for.
    public const int AfterItems = 5_000;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Returns freed native memory to the system; true when the allocator released any.</summary>
    public static bool Release()
    {
        if (_unavailable) return false;
        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without malloc_trim (musl): nothing to hand back this way.
            _unavailable = true;
            return false;
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
