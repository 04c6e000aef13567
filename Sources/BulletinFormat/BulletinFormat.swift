// Import and export of the bulletin text format, Markdown, HTML and JSON.
import BulletinCore
