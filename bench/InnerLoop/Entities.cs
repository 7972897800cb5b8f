using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using DiffMigrate;

namespace Blog;

// Author, Post and Comment as in samples/Blog/Entities.cs; Post.CategoryId is left out (its table is in the
// sample's fluent part), as are tags. bench/EfCore maps the same three for EF Core.
public enum PostStatus
{
    Draft,
    Published,
    Archived,
}

[Table("authors")]
public class Author
{
    public int Id { get; set; }

    [MaxLength(100)]
    public string Name { get; set; } = "";

    [MaxLength(255), Unique]
    public string Email { get; set; } = "";

    public string? Bio { get; set; }

    [ServerDefault("CURRENT_TIMESTAMP")]
    public DateTimeOffset CreatedAt { get; set; }

    public List<Post> Posts { get; set; } = [];
}

[Table("posts")]
[Index(nameof(AuthorId), nameof(PublishedAt))]
[Check("length(title) > 0", Name = "title_not_empty")]
public class Post
{
    public int Id { get; set; }

    [MaxLength(200)]
    public string Title { get; set; } = "";

    [MaxLength(200), Unique]
    public string Slug { get; set; } = "";

    public string? Body { get; set; }

    [ServerDefault("'Draft'")]
    public PostStatus Status { get; set; }

    [References(typeof(Author), OnDelete = ReferentialAction.Cascade)]
    public int AuthorId { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    [ServerDefault("0"), Check("view_count >= 0")]
    public int ViewCount { get; set; }

    [Precision(3, 2)]
    public decimal? Rating { get; set; }
}

[Table("comments")]
[Index(nameof(PostId), nameof(CreatedAt))]
public class Comment
{
    public long Id { get; set; }

    [References(typeof(Post), OnDelete = ReferentialAction.Cascade)]
    public int PostId { get; set; }

    [MaxLength(100)]
    public string AuthorName { get; set; } = "";

    public string Body { get; set; } = "";

    [ServerDefault("CURRENT_TIMESTAMP")]
    public DateTimeOffset CreatedAt { get; set; }

    [ServerDefault("0")]
    public bool IsApproved { get; set; }
}
