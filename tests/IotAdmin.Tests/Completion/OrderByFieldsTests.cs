using System.Linq;
using IotAdmin.Completion;
using Xunit;

namespace IotAdmin.Tests.Completion
{
    /// <summary>What Tab offers for Get-IotDevice -OrderBy: the fields the API sorts on, never file names.</summary>
    public class OrderByFieldsTests
    {
        [Fact]
        public void Offers_the_plain_fields_first_then_the_reported_ones_and_the_label_keys_seen()
        {
            var fields = CompletionCatalog.OrderByFields(string.Empty, new[] { "zone", "floor" });

            Assert.Equal(new[] { "id", "labels.floor", "labels.name", "labels.zone", "productNumber", "type" }, fields.Where(f => !f.StartsWith("reported.")).ToArray());
            Assert.Contains("reported.temperature.value", fields);
            Assert.Equal(fields.Count, fields.Distinct().Count());
        }

        [Fact]
        public void Completes_a_prefix_and_keeps_the_descending_sign()
        {
            Assert.Equal(new[] { "-reported.batteryStatus.percentage" }, CompletionCatalog.OrderByFields("-reported.batt", new string[0]));
            Assert.Equal(new[] { "labels.zone" }, CompletionCatalog.OrderByFields("LABELS.Z", new[] { "zone" }));
        }
    }
}
