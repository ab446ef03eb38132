// The fixture video site: a tiny client-side app with the structure (and data-e2e hooks) of the real site's
// feed, video and profile pages. Every page change goes through history.pushState, like the real site.

const VIDEOS = [
  {
    id: '7300000000000000001',
    author: 'alice',
    name: 'Alice Martin',
    desc: 'Sunset over the harbour #golden',
    likes: '12.4K',
    colors: ['#ff9966', '#ff5e62'],
  },
  {
    id: '7300000000000000002',
    author: 'bob',
    name: 'Bob Okafor',
    desc: 'Three-ingredient pancakes, no mixer needed',
    likes: '3,021',
    colors: ['#56ccf2', '#2f80ed'],
  },
  {
    id: '7300000000000000003',
    author: 'carol',
    name: 'Carol Rossi',
    desc: 'Tiny desk, big sound — live take',
    likes: '88.1K',
    colors: ['#a8e063', '#56ab2f'],
  },
  {
    id: '7300000000000000004',
    author: 'alice',
    name: 'Alice Martin',
    desc: 'Skate park at dawn, one take',
    likes: '941',
    colors: ['#c471f5', '#fa71cd'],
  },
];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function link(href, attrs, ...children) {
  return el('a', { href, 'data-spa': '', ...attrs }, ...children);
}

function poster(video, big) {
  return el(
    'div',
    {
      class: big ? 'player big' : 'player',
      id: `xgwrapper-0-${video.id}`,
      style: `background: linear-gradient(160deg, ${video.colors[0]}, ${video.colors[1]})`,
    },
    el('span', { class: 'play', 'aria-hidden': 'true' }, '▶'),
    el('span', { class: 'caption' }, video.desc),
  );
}

function actionBar(video) {
  const button = (label, e2e, icon, count) =>
    el(
      'button',
      { type: 'button', class: 'action', 'aria-label': `${label} ${count}` },
      el('span', { class: 'action-icon', 'data-e2e': `${e2e}-icon` }, icon),
      el('strong', { 'data-e2e': `${e2e}-count` }, count),
    );
  return el(
    'section',
    { class: 'action-bar' },
    link(
      `/@${video.author}`,
      { class: 'avatar', 'data-e2e': 'video-author-avatar', 'aria-label': video.author },
      video.author[0].toUpperCase(),
    ),
    button('Like video', 'like', '♥', video.likes),
    button('Read or add comments', 'comment', '≡', '214'),
    button('Add to favourites', 'favorite', '★', '1,002'),
    button('Share video', 'share', '↪', '318'),
  );
}

function feedItem(video) {
  return el(
    'article',
    { class: 'feed-item', 'data-e2e': 'recommend-list-item-container' },
    el(
      'div',
      { class: 'feed-media' },
      el(
        'div',
        { class: 'feed-info' },
        link(`/@${video.author}`, { class: 'author', 'data-e2e': 'video-author-uniqueid' }, video.author),
        el('span', { class: 'author-name' }, video.name),
        el('p', { 'data-e2e': 'video-desc' }, video.desc),
      ),
      link(
        `/@${video.author}/video/${video.id}`,
        { class: 'media-link', 'aria-label': `Open video: ${video.desc}` },
        poster(video),
      ),
    ),
    actionBar(video),
  );
}

function feedPage() {
  const feed = el('div', { class: 'feed', 'data-e2e': 'feed' }, ...VIDEOS.slice(0, 3).map(feedItem));
  // The real feed renders more videos lazily; the last one arrives a moment after the page.
  setTimeout(() => {
    if (feed.isConnected) feed.append(...VIDEOS.slice(3).map(feedItem));
  }, 700);
  return feed;
}

function videoPage(handle, id) {
  const video = VIDEOS.find((v) => v.id === id) ?? {
    id,
    author: handle,
    name: handle,
    desc: 'A video',
    likes: '0',
    colors: ['#444', '#111'],
  };
  return el(
    'div',
    { class: 'video-page' },
    el(
      'div',
      { class: 'browse', 'data-e2e': 'browse-video' },
      poster(video, true),
      el(
        'div',
        { class: 'browse-side' },
        link(`/@${video.author}`, { class: 'author', 'data-e2e': 'browse-username' }, video.author),
        el('p', { 'data-e2e': 'browse-video-desc' }, video.desc),
        actionBar(video),
      ),
    ),
    el('h2', {}, 'More videos'),
    el(
      'div',
      { class: 'grid' },
      ...VIDEOS.filter((v) => v.id !== video.id).map((v) =>
        el(
          'div',
          { class: 'grid-item' },
          link(`/@${v.author}/video/${v.id}`, { 'aria-label': v.desc }, poster(v)),
        ),
      ),
    ),
  );
}

function profilePage(handle) {
  const mine = VIDEOS.filter((v) => v.author === handle);
  const name = mine[0]?.name ?? handle;
  return el(
    'div',
    { class: 'profile-page' },
    el(
      'div',
      { class: 'profile-header', 'data-e2e': 'user-page' },
      el('div', { class: 'big-avatar', 'data-e2e': 'user-avatar' }, handle[0].toUpperCase()),
      el(
        'div',
        { class: 'profile-info' },
        el(
          'div',
          { class: 'titles' },
          el('h1', { 'data-e2e': 'user-title' }, handle),
          el('h2', { 'data-e2e': 'user-subtitle' }, name),
        ),
        el(
          'div',
          { class: 'buttons' },
          el('button', { type: 'button', class: 'follow', 'data-e2e': 'follow-button' }, 'Follow'),
        ),
        el('p', { 'data-e2e': 'user-bio' }, 'Making short videos about small joys.'),
      ),
    ),
    el(
      'div',
      { class: 'grid', 'data-e2e': 'user-post-item-list' },
      ...mine.map((v) =>
        el(
          'div',
          { class: 'grid-item', 'data-e2e': 'user-post-item' },
          link(`/@${v.author}/video/${v.id}`, { 'aria-label': v.desc }, poster(v)),
        ),
      ),
    ),
  );
}

function plainPage(title) {
  return el('div', { class: 'plain' }, el('h1', {}, title), el('p', {}, 'Nothing to see here yet.'));
}

function render() {
  const path = window.location.pathname;
  const video = /^\/@([\w.]+)\/video\/(\d+)\/?$/.exec(path);
  const profile = /^\/@([\w.]+)\/?$/.exec(path);
  let page;
  if (path === '/' || path === '/foryou') page = feedPage();
  else if (video) page = videoPage(video[1], video[2]);
  else if (profile) page = profilePage(profile[1].toLowerCase());
  else page = plainPage(path === '/explore' ? 'Explore' : 'Page');
  // Like the real site's framework: the whole view is replaced, not patched.
  document.getElementById('app').replaceChildren(page);
  document.title = `ClipSite — ${path}`;
}

document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  if (anchor.getAttribute('href') !== window.location.pathname)
    history.pushState({}, '', anchor.getAttribute('href'));
  render();
  window.scrollTo(0, 0);
});
window.addEventListener('popstate', render);
render();
