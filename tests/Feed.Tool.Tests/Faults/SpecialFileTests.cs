using System.Diagnostics;
using System.Net.Sockets;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// A symbolic link, folder, FIFO or socket where feed keeps a file of its own (the lock in --out, the build cache's
/// files), through the real process: a located error naming it, exit 1, nothing read, written or created through
/// it, nothing outside --out touched, and no hang.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TestSite _site = new();

    public SpecialFileTests() => _site.ManyPosts(4);

    public void Dispose() => _site.Dispose();

    private string Lock => Path.Combine(_site.Out, ".feed-lock");

    private string Cache => Path.Combine(_site.Root, "cache");

    private string[] Args(params string[] extra) => _site.Args(["--cache-dir", Cache, .. extra]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_link_at_the_lock_file_is_an_error_and_nothing_outside_out_is_touched(bool dangling)
    {
        string precious = Path.Combine(_site.Root, "precious.txt");
        if (!dangling)
        {
            File.WriteAllText(precious, "keep me");
        }

        Directory.CreateDirectory(_site.Out);
        File.CreateSymbolicLink(Lock, "../precious.txt");
        DateTime before = dangling ? default : File.GetLastWriteTimeUtc(precious);

        ToolRun run = await ToolProcess.RunAsync(Args());

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldStartWith(
            $"{Lock}: error FEED0060: this is a symbolic link (to ../precious.txt), not a regular file;", Case.Sensitive, run.ToString());
        if (dangling)
        {
            File.Exists(precious).ShouldBeFalse("a dangling link must not create its target");
        }
        else
        {
            File.ReadAllText(precious).ShouldBe("keep me");
            File.GetLastWriteTimeUtc(precious).ShouldBe(before);
        }

        new FileInfo(Lock).LinkTarget.ShouldBe("../precious.txt"); // left for the user to see
        Directory.EnumerateFileSystemEntries(_site.Out).ShouldBe([Lock]);
    }

    [Theory]
    [InlineData("folder", "a folder")]
    [InlineData("fifo", "a FIFO, socket or device")]
    [InlineData("socket", "a FIFO, socket or device")]
    public async Task A_folder_fifo_or_socket_at_the_lock_file_is_an_error_naming_it(string kind, string described)
    {
        Directory.CreateDirectory(_site.Out);
        using Socket? socket = Make(kind, Lock);

        ToolRun run = await ToolProcess.RunAsync(Args());

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{Lock}: error FEED0060: this is {described}, not a regular file;", Case.Sensitive, run.ToString());
        Directory.EnumerateFileSystemEntries(_site.Out).ShouldBe([Lock]);
    }

    [Theory]
    [InlineData("pages-", "link")]
    [InlineData("entries-", "link")]
    [InlineData("pages-", "fifo")]
    [InlineData("entries-", "fifo")]
    [InlineData("entries-", "folder")]
    public async Task A_link_or_special_file_where_the_cache_keeps_a_file_is_an_error_naming_it(string prefix, string kind)
    {
        (await ToolProcess.RunAsync(Args())).ExitCode.ShouldBe(0);
        string file = Directory.GetFiles(Cache, prefix + "*.bin").ShouldHaveSingleItem();
        string precious = Path.Combine(_site.Root, "precious.bin");
        File.Copy(file, precious); // a valid cache file: a build that follows the link would read and extend it
        File.Delete(file);
        using Socket? socket = kind == "link" ? null : Make(kind, file);
        if (kind == "link")
        {
            File.CreateSymbolicLink(file, precious);
        }

        byte[] preciousBefore = File.ReadAllBytes(precious);
        Snapshot outBefore = Snapshot.Of(_site.Out);
        _site.Post("2025-01-01-new.md", "New", "2024-12-31T00:00:00Z"); // something to write, and to cache

        ToolRun run = await ToolProcess.RunAsync(Args());

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{file}: error FEED0060: this is ", Case.Sensitive, run.ToString());
        File.ReadAllBytes(precious).ShouldBe(preciousBefore);
        Snapshot.Of(_site.Out).ShouldBe(outBefore); // nothing in --out changed
    }

    // Makes a folder, a FIFO or a listening Unix socket at path (the socket lives as long as the returned object).
    internal static Socket? Make(string kind, string path)
    {
        switch (kind)
        {
            case "folder":
                Directory.CreateDirectory(path);
                return null;
            case "fifo":
                using (Process mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                    mkfifo.ExitCode.ShouldBe(0);
                }

                return null;
            default:
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                socket.Listen();
                return socket;
        }
    }
}
