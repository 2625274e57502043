using System.Runtime.InteropServices;
using OneDigital.Content.Store;

namespace OneDigital.Content.Tests.Store;

public class FreedNativeMemoryTests
{
    private const int BlockBytes = 16 * 1024;
    private const int Blocks = 4096; // 64 MB in blocks below glibc's mmap threshold, so they live in an arena

    [Test]
    public void Native_memory_freed_in_the_middle_of_an_arena_is_handed_back_to_the_system()
    {
        Assume.That(OperatingSystem.IsLinux(), "malloc_trim is glibc's; elsewhere Release does nothing");
        var ones = Enumerable.Repeat((byte)1, BlockBytes).ToArray();
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockBytes);
            Marshal.Copy(ones, 0, blocks[i], BlockBytes);
        }
        // Every 64th block stays allocated, the last one too: the arena cannot shrink from its top by itself.
        bool Kept(int i) => i % 64 == 0 || i == Blocks - 1;
        for (var i = 0; i < Blocks; i++)
        {
            if (!Kept(i)) Marshal.FreeHGlobal(blocks[i]);
        }
        var before = ResidentAnonymousMB();

        var released = FreedNativeMemory.Release();

        var after = ResidentAnonymousMB();
        for (var i = 0; i < Blocks; i++)
        {
            if (Kept(i)) Marshal.FreeHGlobal(blocks[i]);
        }
        Assert.Multiple(() =>
        {
            Assert.That(released, Is.True);
            Assert.That(before - after, Is.GreaterThan(32), $"resident anonymous memory {before} MB before, {after} MB after");
        });
    }

    private static long ResidentAnonymousMB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
