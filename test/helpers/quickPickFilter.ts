/**
 * A stand-in for VS Code's quick-pick filter, for tests that check the search items carry what a user types. It is
 * an oracle, not product code: the quick pick itself filters with VS Code's own matcher.
 */
import type { SearchItemData } from '../../src/search/searchItems';

/**
 * The items VS Code's quick pick keeps for `query` with matchOnDescription and matchOnDetail: those whose label,
 * description or detail contains the query, ignoring case. Used by tests to check that the items carry what a
 * user types; the quick pick itself filters with VS Code's own matcher.
 */
export function filterSearchItems<T extends Pick<SearchItemData, 'label' | 'description' | 'detail'>>(
  items: readonly T[],
  query: string,
): T[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [...items];
  return items.filter((item) =>
    [item.label, item.description, item.detail].some((text) => text.toLocaleLowerCase().includes(needle)),
  );
}
