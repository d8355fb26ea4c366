using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace BlogHost;

/// <summary>Changes posts, and evicts the cached feed pages (every instance's, with a shared output cache) when it does.</summary>
public sealed class BlogStore(BlogDb db, IOutputCacheStore? cache = null)
{
    /// <summary>The output-cache tag of every feed page.</summary>
    public const string FeedTag = "feeds";

    /// <summary>Renames a post and marks it updated at <paramref name="updated"/>.</summary>
    public async Task RetitleAsync(string slug, string title, DateTimeOffset updated, CancellationToken cancellationToken = default)
    {
        Post post = await db.Posts.SingleAsync(p => p.Slug == slug, cancellationToken);
        post.Title = title;
        post.UpdatedTicks = updated.UtcTicks;
        await db.SaveChangesAsync(cancellationToken);
        if (cache is not null)
        {
            await cache.EvictByTagAsync(FeedTag, cancellationToken);
        }
    }
}
