import type { FluentIcon } from '@fluentui/react-icons';

/** NavItem is one link of the left navigation. */
export interface NavItem {
  to: string;
  /** Key in the common namespace. */
  label: string;
  icon?: FluentIcon;
  /** end: active only on exactly this path (Home at /admin). */
  end?: boolean;
}

/** NavSection is a group of links under a heading; a section of one link is shown as that link. */
export interface NavSection {
  key: string;
  label: string;
  icon: FluentIcon;
  items: NavItem[];
}
