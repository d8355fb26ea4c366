using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Feed.Querying;

/// <summary>
/// A read transaction that holds one snapshot of the database for the count and the rows of one page, at the level
/// that gives a snapshot on the context's provider (its <see cref="DatabaseFacade.ProviderName"/>).
/// </summary>
internal sealed class Snapshot : IAsyncDisposable
{
    private readonly DatabaseFacade? _database;
    private readonly DbTransaction? _transaction;
    private bool _completed;

    private Snapshot(DatabaseFacade? database, DbTransaction? transaction)
    {
        _database = database;
        _transaction = transaction;
    }

    /// <summary>
    /// The level of a read snapshot by provider. SQLite: none is named, because Microsoft.Data.Sqlite begins any
    /// isolation level but read-uncommitted as <c>BEGIN IMMEDIATE</c>, a write lock that would stall every writer while a
    /// page is read; a deferred <c>BEGIN</c> is a read transaction, which in WAL mode reads one snapshot (sqlite.org/wal.html,
    /// "Concurrency") and without WAL holds a shared lock until it ends. PostgreSQL and MySQL (InnoDB): <c>REPEATABLE
    /// READ</c>, which both implement as a snapshot taken at the first read (a read-only transaction never fails to
    /// serialize). SQL Server: <c>SNAPSHOT</c>, which reads row versions without locks but needs
    /// <c>ALTER DATABASE … SET ALLOW_SNAPSHOT_ISOLATION ON</c> (else the first query fails with error 3952: enable it,
    /// or choose <c>Isolation(IsolationLevel.RepeatableRead)</c>, which takes shared locks). Any other provider:
    /// <c>SERIALIZABLE</c>, the strongest level every ADO.NET provider accepts.
    /// </summary>
    internal static IsolationLevel? DefaultLevel(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => null,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => IsolationLevel.RepeatableRead,
        "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" => IsolationLevel.RepeatableRead,
        "Microsoft.EntityFrameworkCore.SqlServer" => IsolationLevel.Snapshot,
        _ => IsolationLevel.Serializable,
    };

    /// <summary>
    /// Opens the connection and begins the snapshot; nothing when the context already has a transaction (the host's,
    /// whose snapshot is then used) or its provider is not relational (no transactions).
    /// </summary>
    public static async ValueTask<Snapshot> BeginAsync(DbContext db, IsolationLevel? isolation, CancellationToken cancellationToken)
    {
        DatabaseFacade database = db.Database;
        if (!database.IsRelational() || database.CurrentTransaction is not null || isolation == IsolationLevel.Unspecified)
        {
            return new Snapshot(null, null);
        }

        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        DbTransaction? transaction = null;
        try
        {
            DbConnection connection = database.GetDbConnection();
            IsolationLevel? level = isolation ?? DefaultLevel(database.ProviderName);
            transaction = level is { } named
                ? await connection.BeginTransactionAsync(named, cancellationToken).ConfigureAwait(false)
                : BeginDeferred(connection) ?? await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
            await database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
            return new Snapshot(database, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            await database.CloseConnectionAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends the read transaction normally (a read-only commit); without this, disposing rolls it back.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is null || _transaction is null)
        {
            return;
        }

        try
        {
            await _database.UseTransactionAsync(null).ConfigureAwait(false);
            if (!_completed)
            {
                await _transaction.RollbackAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            await _database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Microsoft.Data.Sqlite's <c>SqliteConnection.BeginTransaction(IsolationLevel, bool deferred)</c> (public since
    /// 3.0), found by name so that this package does not make every host depend on SQLite; <see langword="null"/> when the
    /// connection has no such method.
    /// </summary>
    private static DbTransaction? BeginDeferred(DbConnection connection)
    {
        MethodInfo? begin = connection.GetType().GetMethod("BeginTransaction", BindingFlags.Public | BindingFlags.Instance, [typeof(IsolationLevel), typeof(bool)]);
        return begin?.Invoke(connection, [IsolationLevel.Serializable, true]) as DbTransaction;
    }
}
