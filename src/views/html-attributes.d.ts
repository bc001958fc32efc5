// Attributes of HTML that @kitajs/html's JSX types do not list yet.
declare namespace JSX {
  interface HtmlImageTag {
    /** With `srcset` in widths: how wide the image is shown, so the browser fetches the file it needs. */
    sizes?: undefined | string;
  }
}
