"""Stage 1, reading: from files on disk to documents.

In: paths (files and folders named on the command line). Out: ``Document`` objects (documents:
the decoded text, its lines, sentences, paragraphs and sections), each with its ``Source`` (who
published it and when: sources, from a ``sources.toml`` beside the documents, the HTML metadata or
a dateline); files that are not read are named in ``Skipped`` records, never opened.

- ``files``: what a path is (regular file, folder, FIFO, link loop), walking folders without recursion;
- ``documents``: the ``Document`` type, decoding bytes, finding every document of a target;
- ``formats``: HTML and PDF to text (trafilatura, pdfminer.six), the kind of a file from its bytes;
- ``header``: a text file's front matter (title, publisher, date);
- ``sources``: the ``Source`` of a document and the catalogue of ``sources.toml``.
"""
