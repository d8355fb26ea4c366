using System.Diagnostics;

namespace Feed.Tool.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a fresh folder (Linux, as root): a real file system that can be filled up (ENOSPC) or made
/// read-only (EROFS) under a running tool. Unmounted on dispose.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    private TmpfsMount(string path) => Path = path;

    /// <summary>Gets the mounted folder.</summary>
    public string Path { get; }

    /// <summary>Gets why no tmpfs can be mounted here, or <see langword="null"/> when one can.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KB on <paramref name="path"/> (created).</summary>
    public static TmpfsMount Create(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0755", "tmpfs", path).ShouldBe(string.Empty);
        return new TmpfsMount(path);
    }

    /// <summary>Fills the file system up (a file written until the disk says no space is left).</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Append, FileAccess.Write, FileShare.None, 1);
        byte[] block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    /// <summary>Frees what <see cref="Fill"/> took.</summary>
    public void Free() => File.Delete(System.IO.Path.Combine(Path, "filler"));

    /// <summary>Remounts the file system read-only (<paramref name="readOnly"/>) or read-write.</summary>
    public void SetReadOnly(bool readOnly) =>
        Run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", Path).ShouldBe(string.Empty);

    public void Dispose() => Run("umount", "-l", Path);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "mounting a tmpfs needs Linux and root";
        }

        string probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "feed-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            string error = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe);
            if (error.Length > 0)
            {
                return $"mount failed: {error}";
            }

            Run("umount", probe);
            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    // Runs a command; returns its stderr (empty on success).
    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using Process process = Process.Start(info)!;
            string error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? string.Empty : $"{file} exited {process.ExitCode}: {error}".Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{file}: {e.Message}";
        }
    }
}

/// <summary>A fact that mounts a tmpfs: skipped where that is impossible (not root), except under <c>CI=true</c>, where it fails.</summary>
internal sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (TmpfsMount.UnavailableReason is { } reason
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = reason;
        }
    }
}
