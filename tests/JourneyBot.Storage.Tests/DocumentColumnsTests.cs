using Azure.Data.Tables;

namespace JourneyBot.Storage.Tests;

public sealed class DocumentColumnsTests
{
    [Fact]
    public void Write_splits_a_long_document_into_parts_that_read_back_whole()
    {
        // Arrange
        var json = new string('a', 70_000);
        var entity = new TableEntity("p", "r");

        // Act
        DocumentColumns.Write(entity, json);

        // Assert
        Assert.Equal(3, entity.GetInt32("DocParts"));
        Assert.Equal(30_000, entity.GetString("Doc0").Length);
        Assert.Equal(10_000, entity.GetString("Doc2").Length);
        Assert.Equal(json, DocumentColumns.Read(entity));
    }

    [Fact]
    public void Write_never_cuts_a_surrogate_pair()
    {
        // Arrange: the first part would end between the two halves of 😀.
        var json = new string('a', DocumentColumns.PartLength - 1) + "😀" + "tail";
        var entity = new TableEntity("p", "r");

        // Act
        DocumentColumns.Write(entity, json);

        // Assert
        Assert.Equal(DocumentColumns.PartLength - 1, entity.GetString("Doc0").Length);
        Assert.StartsWith("😀", entity.GetString("Doc1"), StringComparison.Ordinal);
        Assert.Equal(json, DocumentColumns.Read(entity));
    }

    [Fact]
    public void Read_of_an_entity_without_a_document_is_null_and_Write_refuses_one_past_an_entity()
    {
        Assert.Null(DocumentColumns.Read(new TableEntity("p", "r")));
        Assert.Throws<InvalidOperationException>(() =>
            DocumentColumns.Write(new TableEntity("p", "r"), new string('a', DocumentColumns.MaxLength + 1)));
    }
}
