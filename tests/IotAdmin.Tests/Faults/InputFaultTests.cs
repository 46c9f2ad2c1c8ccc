using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IotAdmin.Operations;
using IotAdmin.Operations.Bulk;
using IotAdmin.Tests.Support;
using IotAdmin.Validation;
using Xunit;

namespace IotAdmin.Tests.Faults
{
    /// <summary>Issue 12, items 1 and 7: label values and ids are checked by one rule each, before any request.</summary>
    public class InputFaultTests
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        public static IEnumerable<object[]> RefusedValues() => new[]
        {
            new object[] { new object[] { "north", "south" }, "array" },
            new object[] { new Hashtable { ["team"] = "ops" }, "dictionary" },
            new object[] { new List<string> { "a" }, "collection" },
            new object[] { new byte[] { 1, 2 }, "byte array" },
            new object[] { new DateTime(2026, 3, 4), "date" },
            new object[] { new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), "date" },
            new object[] { new Uri("https://example.org"), "object" },
            new object[] { double.NaN, "not a number" },
        };

        [Theory]
        [MemberData(nameof(RefusedValues))]
        public async Task A_label_value_that_is_not_text_is_refused_before_any_request(object value, string said)
        {
            var stub = new StubHandler(_time);
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var e = Assert.Throws<ArgumentException>(() => new SetLabelOperation(session, new Hashtable { ["zone"] = value, ["ok"] = "fine" }, new BulkOptions()));
            Assert.Equal("Label", e.ParamName);
            Assert.Contains("label 'zone'", e.Message);
            Assert.Contains(said, e.Message);
            Assert.Equal(0, stub.ApiRequestCount);

            var filter = Assert.Throws<ArgumentException>(() => GetDeviceOperation.BuildQuery(new GetDeviceRequest { Labels = new Hashtable { ["zone"] = value } }));
            Assert.Equal("Label", filter.ParamName);
            Assert.Contains(said, filter.Message);
        }

        [Fact]
        public void Strings_pass_and_numbers_and_booleans_become_invariant_text()
        {
            var labels = LabelChangeRules.ToAddLabels(new Hashtable { ["s"] = "north", ["c"] = 'x', ["i"] = 3, ["l"] = 12345678901L, ["d"] = 2.5, ["m"] = 1.25m, ["t"] = true, ["f"] = false });
            Assert.Equal("north", labels["s"]);
            Assert.Equal("x", labels["c"]);
            Assert.Equal("3", labels["i"]);
            Assert.Equal("12345678901", labels["l"]);
            Assert.Equal("2.5", labels["d"]);
            Assert.Equal("1.25", labels["m"]);
            Assert.Equal("true", labels["t"]);
            Assert.Equal("false", labels["f"]);
        }

        [Fact]
        public void A_number_is_invariant_text_in_any_culture()
        {
            var saved = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                Assert.Equal("2.5", LabelChangeRules.ToAddLabels(new Hashtable { ["d"] = 2.5 })["d"]);
                var query = GetDeviceOperation.BuildQuery(new GetDeviceRequest { Labels = new Hashtable { ["floor"] = 3, ["any"] = null } });
                Assert.Equal("3", query.Labels["floor"]);
                Assert.Null(query.Labels["any"]);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = saved;
            }
        }

        [Theory]
        [InlineData("p1\n")]
        [InlineData("p1\r\n")]
        [InlineData("\np1")]
        public void An_id_with_a_line_feed_is_not_an_id(string id)
        {
            Assert.NotNull(InputRules.CheckId("Project", id));
        }

        [Fact]
        public void An_order_by_with_a_trailing_line_feed_is_refused_before_any_request()
        {
            Assert.NotNull(InputRules.CheckOrderBy("id\n"));
            Assert.Null(InputRules.CheckOrderBy("-labels.name"));
            var e = Assert.Throws<ArgumentException>(() => GetDeviceOperation.BuildQuery(new GetDeviceRequest { OrderBy = "id\n" }));
            Assert.Equal("OrderBy", e.ParamName);
        }

        [Fact]
        public async Task A_destination_project_with_a_trailing_line_feed_is_refused_before_any_request()
        {
            var stub = new StubHandler(_time);
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var e = Assert.Throws<ArgumentException>(() => new MoveDeviceOperation(session, "dest\n", new BulkOptions()));
            Assert.Equal("DestinationProjectId", e.ParamName);
            Assert.Equal(0, stub.ApiRequestCount);
        }

        [Fact]
        public void A_google_metadata_key_with_a_trailing_line_feed_is_refused()
        {
            Assert.NotNull(Backends.GoogleMetadataRules.CheckChange(new Dictionary<string, string> { ["zone\n"] = "north" }, Array.Empty<string>()));
        }
    }
}
