namespace DiffMigrate.IntegrationTests.Library.AppRevisions;

[Revision("0000000000a1", Message = "create notes")]
public sealed class CreateNotes : Migration
{
    public override void Upgrade(Operations op) =>
        op.CreateTable("notes", Column("id", SqlType.Int32, identity: new Identity()), Column("body", SqlType.Text), PrimaryKey("pk_notes", "id"));

    public override void Downgrade(Operations op) => op.DropTable("notes");
}

[Revision("0000000000a2", "0000000000a1", Message = "add tags")]
public sealed class AddTags : Migration
{
    public override void Upgrade(Operations op) => op.AddColumn("notes", Column("tags", SqlType.Text, nullable: true));

    public override void Downgrade(Operations op) => op.DropColumn("notes", Column("tags", SqlType.Text, nullable: true));
}
