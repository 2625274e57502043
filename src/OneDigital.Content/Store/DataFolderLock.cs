using System.Globalization;

namespace OneDigital.Content.Store;

/// <summary>
/// One process per data folder: two sites on one folder deleted and rebuilt each other's search indexes in a loop,
/// and a SQLite folder is never shared between nodes. The lock is an exclusive lock on <c>onedigital.lock</c>, held
/// for as long as the process wants the folder; the operating system drops it when the process dies (kill -9
/// included), so a crash never leaves the folder locked. The holder's process id goes into <c>onedigital.pid</c>
/// beside it, because another .NET process cannot read a file this lock is held on.
/// Hosts inside one process (tests run several) share the lock: it is the process that owns the folder.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string LockFileName = "onedigital.lock";
    public const string PidFileName = "onedigital.pid";

    private static readonly Dictionary<string, (FileStream Stream, int Holders)> Held = new(StringComparer.Ordinal);

    private readonly string _folder;
    private bool _released;

    private DataFolderLock(string folder) => _folder = folder;

    /// <summary>The full path of the data folder this lock holds.</summary>
    public string Folder => _folder;

    /// <summary>Takes the folder's lock without waiting, or throws <see cref="DataFolderInUseException"/> naming the holder.</summary>
    public static DataFolderLock Acquire(string dataDir) =>
        TryAcquire(dataDir, out var holderPid) ?? throw new DataFolderInUseException(Path.GetFullPath(dataDir), holderPid);

    /// <summary>Takes the folder's lock without waiting; null (with the holder's pid when known) when another process has it.</summary>
    public static DataFolderLock? TryAcquire(string dataDir, out int? holderPid)
    {
        var folder = Path.GetFullPath(dataDir);
        holderPid = null;
        lock (Held)
        {
            if (Held.TryGetValue(folder, out var held))
            {
                Held[folder] = (held.Stream, held.Holders + 1);
                return new DataFolderLock(folder);
            }
            Directory.CreateDirectory(folder);
            FileStream stream;
            try
            {
                // FileShare.None is an exclusive advisory lock (flock on Unix), held until the stream is closed.
                stream = new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not DirectoryNotFoundException and not PathTooLongException)
            {
                holderPid = ReadHolderPid(folder);
                return null;
            }
            var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(pid + "\n"));
            stream.Flush();
            File.WriteAllText(Path.Combine(folder, PidFileName), pid + "\n");
            Held[folder] = (stream, 1);
            return new DataFolderLock(folder);
        }
    }

    private static int? ReadHolderPid(string folder)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(folder, PidFileName)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        lock (Held)
        {
            if (_released || !Held.TryGetValue(_folder, out var held))
            {
                return;
            }
            _released = true;
            if (held.Holders > 1)
            {
                Held[_folder] = (held.Stream, held.Holders - 1);
                return;
            }
            Held.Remove(_folder);
            held.Stream.Dispose();
        }
    }
}

/// <summary>Another process holds the data folder; the message names the folder and, when known, that process.</summary>
public sealed class DataFolderInUseException(string folder, int? holderPid) : InvalidOperationException(
    $"The data folder '{folder}' is in use by another process ({(holderPid is { } pid ? $"pid {pid}" : "pid unknown")}; " +
    $"it holds {Path.Combine(folder, DataFolderLock.LockFileName)}). One process per data folder: stop that process, or give this " +
    "one its own OneDigital:DataDir (nodes share a PostgreSQL database, never a data folder).")
{
    public string Folder { get; } = folder;

    public int? HolderPid { get; } = holderPid;
}
