using System.Collections;
using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using Xunit;

namespace IotAdmin.Tests.Cmdlets
{
    /// <summary>
    /// [PlainId] passes plain values through and refuses objects. (That PowerShell's pipeline binder then skips the
    /// parameter for piped objects is checked for real by the Pester suite: 'Get-IotProject | Get-IotDevice'.)
    /// </summary>
    public class PlainIdAttributeTests
    {
        private readonly PlainIdAttribute _attribute = new PlainIdAttribute();

        public static TheoryData<object?> PlainValues => new TheoryData<object?>
        {
            null,
            "c0md3mm0c7pet3vico8g",
            "projects/p/devices/d",
            new[] { "a", "b" },
            new object[] { "a", 42 },
            42L,
        };

        [Theory]
        [MemberData(nameof(PlainValues))]
        public void Plain_values_pass_through_unchanged(object? value)
        {
            Assert.Same(value, _attribute.Transform(null!, value));
        }

        [Fact]
        public void A_project_is_not_taken_for_a_device_id()
        {
            Assert.Throws<ArgumentTransformationMetadataException>(() => _attribute.Transform(null!, new IotProject()));
        }

        [Fact]
        public void An_array_with_one_object_among_the_ids_is_refused()
        {
            Assert.Throws<ArgumentTransformationMetadataException>(() => _attribute.Transform(null!, new object[] { "a", new IotDevice() }));
        }

        [Fact]
        public void A_hashtable_is_refused_rather_than_enumerated()
        {
            Assert.Throws<ArgumentTransformationMetadataException>(() => _attribute.Transform(null!, new Hashtable { ["a"] = "b" }));
        }
    }
}
