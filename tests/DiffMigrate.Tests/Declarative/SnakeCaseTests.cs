using System.Globalization;
using DiffMigrate.Declarative;
using Humanizer;

namespace DiffMigrate.Tests.Declarative;

/// <summary>
/// The convention's snake_case, which replaced Humanizer's <c>Underscore()</c> in the model: the same names for every
/// C# name (so that no existing table is renamed), without the library or its culture.
/// </summary>
[TestClass]
public sealed class SnakeCaseTests
{
    [TestMethod]
    [DataRow("OrderItem", "order_item")]
    [DataRow("Order", "order")]
    [DataRow("order_item", "order_item")]
    [DataRow("HTMLParser", "html_parser")]
    [DataRow("IOStream", "io_stream")]
    [DataRow("UserID", "user_id")]
    [DataRow("APIKeyV2", "api_key_v2")]
    [DataRow("Item2Price", "item2_price")]
    [DataRow("Line2", "line2")]
    [DataRow("X", "x")]
    [DataRow("already_snake_Case", "already_snake_case")]
    [DataRow("with-dash and space", "with_dash_and_space")]
    [DataRow("ÉtéCafé", "été_café")]
    [DataRow("", "")]
    public void Names_follow_the_convention(string name, string expected) => Assert.AreEqual(expected, SnakeCase.Of(name));

    [TestMethod]
    public void The_lower_case_is_the_invariant_cultures_whatever_the_current_one()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.AreEqual("invoice_id", SnakeCase.Of("InvoiceID"), "a Turkish dotless i would rename the column");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [TestMethod]
    public void Every_drawn_name_is_the_one_Humanizer_made()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var alphabet = "aBcXyZ019_- \tÉéßİıΣσ\u01C5\u2160".ToCharArray();
            var random = new Random(20261201);
            for (var i = 0; i < 20_000; i++)
            {
                var name = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                Assert.AreEqual(name.Underscore(), SnakeCase.Of(name), $"'{name}'");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
