// What an IOException's HResult means. On Unix .NET puts the errno there; on Windows a Win32 error as 0x8007xxxx.
namespace Monitor.Pipeline.Resilience;

public static class IoErrors
{
    const int Win32Facility = unchecked((int)0x80070000);

    /// <summary>No space left on the device (ENOSPC; ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL).</summary>
    public static bool IsDiskFull(IOException e) => e.HResult == 28 || IsWin32(e, 0x70, 0x27);

    /// <summary>Another handle holds a lock on the file (EWOULDBLOCK from flock; ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION).</summary>
    public static bool IsSharingViolation(IOException e) => e.HResult == 11 || IsWin32(e, 0x20, 0x21);

    /// <summary>
    /// Worth another try: a lock or sharing violation, a busy or interrupted call, a stale network handle.
    /// Not a missing file, a full disk or a permission problem: trying again changes nothing there.
    /// </summary>
    public static bool IsTransient(Exception e)
    {
        if (e is not IOException io || e is FileNotFoundException or DirectoryNotFoundException or PathTooLongException or EndOfStreamException)
            return false;
        // Unix errno: EINTR, EAGAIN/EWOULDBLOCK, EBUSY, ETXTBSY, ETIMEDOUT, ESTALE.
        if (io.HResult is 4 or 11 or 16 or 26 or 110 or 116)
            return true;
        // Windows: sharing and lock violations, ERROR_NETNAME_DELETED, ERROR_SEM_TIMEOUT.
        return IsWin32(io, 0x20, 0x21, 0x40, 0x79);
    }

    static bool IsWin32(IOException e, params ReadOnlySpan<int> codes)
    {
        if ((e.HResult & unchecked((int)0xFFFF0000)) != Win32Facility) return false;
        foreach (var code in codes)
            if ((e.HResult & 0xFFFF) == code) return true;
        return false;
    }
}
