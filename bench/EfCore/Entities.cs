using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace BlogEf;

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

    [MaxLength(255)]
    public string Email { get; set; } = "";

    public string? Bio { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Post> Posts { get; set; } = [];
}

[Table("posts")]
public class Post
{
    public int Id { get; set; }

    [MaxLength(200)]
    public string Title { get; set; } = "";

    [MaxLength(200)]
    public string Slug { get; set; } = "";

    public string? Body { get; set; }

    public PostStatus Status { get; set; }

    public int AuthorId { get; set; }

    public Author? Author { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int ViewCount { get; set; }

    public decimal? Rating { get; set; }
}

[Table("comments")]
public class Comment
{
    public long Id { get; set; }

    public int PostId { get; set; }

    public Post? Post { get; set; }

    [MaxLength(100)]
    public string AuthorName { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsApproved { get; set; }
}
