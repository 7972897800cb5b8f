using System.Text;
using Microsoft.EntityFrameworkCore;

namespace BlogEf;

/// <summary>authors, posts and comments, mapped as samples/Blog maps them for DiffMigrate (snake_case names,
/// the same lengths, keys, foreign keys, indexes, checks and server defaults).</summary>
public sealed class BlogContext : DbContext
{
    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Comment> Comments => Set<Comment>();

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=app.db");

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Author>(e =>
        {
            e.HasIndex(a => a.Email).IsUnique();
            e.Property(a => a.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        });
        model.Entity<Post>(e =>
        {
            e.HasIndex(p => new { p.AuthorId, p.PublishedAt });
            e.HasIndex(p => p.Slug).IsUnique();
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_posts_title_not_empty", "length(title) > 0");
                t.HasCheckConstraint("ck_posts_view_count", "view_count >= 0");
            });
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValueSql("'Draft'");
            e.Property(p => p.ViewCount).HasDefaultValueSql("0");
            e.Property(p => p.Rating).HasPrecision(3, 2);
            e.HasOne(p => p.Author).WithMany(a => a.Posts).HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Comment>(e =>
        {
            e.HasIndex(c => new { c.PostId, c.CreatedAt });
            e.Property(c => c.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
            e.Property(c => c.IsApproved).HasDefaultValueSql("0");
            e.HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        });
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(Snake(property.Name));
        }
    }

    private static string Snake(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
