using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using DiffMigrate.Schema;

namespace DiffMigrate.Tests.Declarative;

[TestClass]
public sealed class EntityConventionTests
{
    public enum Mood { Calm, Busy }

    [Table("people")]
    [Index(nameof(LastName), nameof(FirstName), Name = "ix_people_full_name")]
    [Check("age >= 0", Name = "age_nonneg")]
    [Comment("Everyone we know")]
    public sealed class Person
    {
        public int Id { get; set; }
        [MaxLength(40)] public string FirstName { get; set; } = "";
        [StringLength(60)] public string LastName { get; set; } = "";
        public string? Nickname { get; set; }
        public short Age { get; set; }
        public long Points { get; set; }
        [Precision(12, 4)] public decimal Balance { get; set; }
        public decimal Fee { get; set; }
        public double Score { get; set; }
        public float Ratio { get; set; }
        [ServerDefault("1")] public bool Active { get; set; }
        public byte[]? Photo { get; set; }
        public DateTime Created { get; set; }
        public DateTimeOffset? Seen { get; set; }
        public DateOnly Birthday { get; set; }
        public TimeOnly? Wakes { get; set; }
        public Guid ExternalId { get; set; }
        public Mood Mood { get; set; }
        [Column("e_mail", TypeName = "CITEXT"), Required, Unique] public string? Email { get; set; }
        [Comment("who asked")] public int? ReferrerId { get; set; }
        [NotMapped] public string Display => FirstName + " " + LastName;
        [NotMapped] public int Ignored { get; set; }
        public List<Pet> Pets { get; set; } = [];
    }

    [Table("pets", Schema = "zoo")]
    public sealed class Pet
    {
        public long PetId { get; set; }
        [References(typeof(Person), OnDelete = ReferentialAction.Cascade)] public int OwnerId { get; set; }
        [References("people", "id", OnDelete = ReferentialAction.SetNull, Name = "fk_vet")] public int? VetId { get; set; }
        public Person? Owner { get; set; }
    }

    [Table("tags")]
    [PrimaryKey(nameof(PostId), nameof(Label))]
    public sealed class Tag
    {
        public int PostId { get; set; }
        [MaxLength(20)] public string Label { get; set; } = "";
    }

    [Table("codes")]
    public sealed class Code
    {
        [Key, DatabaseGenerated(DatabaseGeneratedOption.None)] public int Value { get; set; }
        [RenamedFrom("descr")] public string? Description { get; set; }
    }

    private static readonly DatabaseSchema Model = SchemaModel.FromTypes([typeof(Person), typeof(Pet), typeof(Tag), typeof(Code)], []);

    private static Table T(string name) => Model.Tables.Single(t => t.Name.Name == name);

    private static Column C(string table, string column) => T(table).FindColumn(column) ?? throw new AssertFailedException($"no column {table}.{column}");

    [TestMethod]
    public void Clr_types_map_to_neutral_types_and_names_are_snake_case()
    {
        var expected = new (string Column, SqlType Type)[]
        {
            ("id", SqlType.Int32), ("first_name", SqlType.String(40)), ("last_name", SqlType.String(60)), ("nickname", SqlType.Text),
            ("age", SqlType.Int16), ("points", SqlType.Int64), ("balance", SqlType.Decimal(12, 4)), ("fee", SqlType.Decimal(18, 2)),
            ("score", SqlType.Double), ("ratio", SqlType.Single), ("active", SqlType.Boolean), ("photo", SqlType.Binary()),
            ("created", SqlType.DateTime), ("seen", SqlType.DateTimeOffset), ("birthday", SqlType.Date), ("wakes", SqlType.Time),
            ("external_id", SqlType.Uuid), ("mood", SqlType.Enum("mood", "Calm", "Busy")), ("e_mail", SqlType.Raw("CITEXT")),
            ("referrer_id", SqlType.Int32),
        };
        CollectionAssert.AreEqual(expected.Select(e => e.Column).ToList(), T("people").Columns.Select(c => c.Name).ToList(), "column order follows declaration; [NotMapped] and navigations are skipped");
        foreach (var (column, type) in expected) Assert.AreEqual(type, C("people", column).Type, column);
    }

    [TestMethod]
    public void Nullability_follows_the_csharp_types_and_Required_wins()
    {
        string[] nullable = ["nickname", "photo", "seen", "wakes", "referrer_id"];
        foreach (var column in T("people").Columns) Assert.AreEqual(nullable.Contains(column.Name), column.Nullable, column.Name);
        Assert.IsFalse(C("people", "e_mail").Nullable, "[Required] on a string? column");
    }

    [TestMethod]
    public void Id_and_ClassId_are_keys_and_an_integer_key_is_an_identity()
    {
        Assert.AreEqual(new PrimaryKey("pk_people", ["id"]), T("people").PrimaryKey);
        Assert.AreEqual(new PrimaryKey("pk_pets", ["pet_id"]), T("pets").PrimaryKey);
        Assert.AreEqual(new Identity(), C("people", "id").Identity);
        Assert.AreEqual(new Identity(), C("pets", "pet_id").Identity);
        Assert.IsNull(C("codes", "value").Identity, "[DatabaseGenerated(None)] turns the identity off");
        Assert.AreEqual(new PrimaryKey("pk_tags", ["post_id", "label"]), T("tags").PrimaryKey);
        Assert.IsNull(C("tags", "post_id").Identity, "a composite key has no identity");
    }

    [TestMethod]
    public void Table_and_schema_come_from_the_Table_attribute()
    {
        Assert.AreEqual(new QualifiedName("zoo", "pets"), T("pets").Name);
        Assert.AreEqual(new QualifiedName(null, "people"), T("people").Name);
    }

    [TestMethod]
    public void Constraints_are_named_by_the_convention_unless_named()
    {
        var people = T("people");
        Assert.AreEqual(new TableIndex("ix_people_full_name", ["last_name", "first_name"]), people.Indexes.Single());
        Assert.AreEqual(new UniqueConstraint("uq_people_e_mail", ["e_mail"]), people.UniqueConstraints.Single());
        Assert.AreEqual(new CheckConstraint("ck_people_age_nonneg", "age >= 0"), people.CheckConstraints.Single());
        Assert.AreEqual("Everyone we know", people.Comment);
        Assert.AreEqual("who asked", C("people", "referrer_id").Comment);
        Assert.AreEqual("1", C("people", "active").Default);
    }

    [TestMethod]
    public void References_resolve_an_entity_to_its_table_and_key_or_take_a_table_and_column()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                new ForeignKey("fk_pets_owner_id_people", ["owner_id"], "people", ["id"], ReferentialAction.Cascade),
                new ForeignKey("fk_vet", ["vet_id"], "people", ["id"], ReferentialAction.SetNull),
            },
            T("pets").ForeignKeys.ToArray());
    }

    [TestMethod]
    public void A_custom_naming_convention_changes_every_generated_name()
    {
        var naming = new NamingConvention(PrimaryKey: "{table}_pkey", ForeignKey: "{table}_{column}_fkey", Unique: "{table}_{columns}_key", Check: "{table}_{name}_check");
        var model = SchemaModel.FromTypes([typeof(Person), typeof(Pet)], [], naming);
        var people = model.Tables.Single(t => t.Name.Name == "people");
        var pets = model.Tables.Single(t => t.Name.Name == "pets");
        Assert.AreEqual("people_pkey", people.PrimaryKey!.Name);
        Assert.AreEqual("people_e_mail_key", people.UniqueConstraints.Single().Name);
        Assert.AreEqual("people_age_nonneg_check", people.CheckConstraints.Single().Name);
        Assert.AreEqual("pets_owner_id_fkey", pets.ForeignKeys.Single(f => f.Columns[0] == "owner_id").Name);
        Assert.AreEqual("fk_vet", pets.ForeignKeys.Single(f => f.Columns[0] == "vet_id").Name, "an explicit name is kept");
    }

    [TestMethod]
    public void RenamedFrom_becomes_a_rename_hint()
    {
        CollectionAssert.Contains(Model.Renames.ToList(), new RenameHint("codes", "description", "descr"));
    }
}
