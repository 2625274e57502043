using OneDigital.Content.Store;

namespace OneDigital.Web.Tests.Support;

/// <summary>
/// Stands in for another process holding a data folder: the same exclusive lock on <c>onedigital.lock</c> and a pid
/// in <c>onedigital.pid</c>, taken outside this process's own record of the folders it holds.
/// </summary>
public sealed class OtherProcess : IDisposable
{
    private readonly FileStream _lock;

    private OtherProcess(FileStream fileLock) => _lock = fileLock;

    public static OtherProcess HoldsDataFolder(string dataDir, int pid)
    {
        Directory.CreateDirectory(dataDir);
        var fileLock = new FileStream(Path.Combine(dataDir, DataFolderLock.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        File.WriteAllText(Path.Combine(dataDir, DataFolderLock.PidFileName), $"{pid}\n");
        return new OtherProcess(fileLock);
    }

    public void Dispose() => _lock.Dispose();
}
