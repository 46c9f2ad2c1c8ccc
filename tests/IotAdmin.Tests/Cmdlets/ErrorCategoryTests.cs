using System;
using System.Management.Automation;
using Xunit;

namespace IotAdmin.Tests.Cmdlets
{
    /// <summary>ErrorRecords converts Core's category to PowerShell's by number: the numbers must mean the same.</summary>
    public class ErrorCategoryTests
    {
        [Fact]
        public void Every_iot_error_category_is_the_powershell_category_of_the_same_name()
        {
            foreach (IotErrorCategory category in Enum.GetValues(typeof(IotErrorCategory)))
            {
                Assert.Equal(category.ToString(), ((ErrorCategory)(int)category).ToString());
            }
        }
    }
}
