using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using IotAdmin.Http;
using IotAdmin.Wire;

namespace IotAdmin.Backends
{
    /// <summary>The one paging loop: both APIs page with pageSize, pageToken and nextPageToken ("" or absent on the last page).</summary>
    internal static class Pager
    {
        /// <summary>
        /// Every page of a listing, streamed: the same query with pageSize and the previous page's token, until the
        /// token is empty (dt-api.md §3).
        /// </summary>
        public static async IAsyncEnumerable<TModel> PagesAsync<TPage, TDto, TModel>(ApiClient api, Func<ApiRequest> newRequest, JsonTypeInfo<TPage> pageType, Func<TDto, TModel> toModel, int pageSize, ApiCallContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
            where TPage : IPage<TDto>
            where TDto : class
        {
            string? pageToken = null;
            do
            {
                var request = newRequest()
                    .Query("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Query("pageToken", pageToken);
                var page = await api.SendAsync(request, pageType, context, cancellationToken).ConfigureAwait(false);
                foreach (var dto in page.Items ?? Enumerable.Empty<TDto>()) yield return AnswerItems.Map(request, api.ApiRoot, dto, toModel, "item");
                pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            }
            while (pageToken != null);
        }
    }
}
