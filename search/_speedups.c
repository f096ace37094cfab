/*
 * Two loops of the analysis chain in C, and nothing else: search.analysis.analyse, and the
 * bigram string of search.prepared.
 *
 * analyse(text, chunk_cache, chunk_terms, stem_cache, indexed_stem) -> (stems, exact)
 *
 * Splits text at whitespace (str.split()), looks every chunk up in chunk_cache (calling
 * chunk_terms(chunk) -> tuple of folded terms on a miss, and caching it), and every term up
 * in stem_cache (calling indexed_stem(term) -> stem or None on a miss). Every decision about
 * tokens is made by those two Python functions, so the result is the pure-Python path's
 * result; only the per-token interpreter overhead goes (0.24 -> 0.13 ms for a ruling of
 * ~2,300 words). Optional: search.analysis falls back to Python when this is not built.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* A new reference to cache[key], computed by fn(key) and stored on a miss; NULL on error. */
static PyObject *
cached(PyObject *cache, PyObject *fn, PyObject *key)
{
    PyObject *value = PyDict_GetItemWithError(cache, key); /* borrowed */
    if (value != NULL) {
        Py_INCREF(value); /* Python code run later may clear the cache */
        return value;
    }
    if (PyErr_Occurred())
        return NULL;
    value = PyObject_CallOneArg(fn, key);
    if (value == NULL)
        return NULL;
    if (PyDict_SetItem(cache, key, value) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

static PyObject *
analyse(PyObject *self, PyObject *args)
{
    PyObject *text, *chunk_cache, *chunk_fn, *stem_cache, *stem_fn;
    if (!PyArg_ParseTuple(args, "UO!OO!O:analyse", &text, &PyDict_Type, &chunk_cache, &chunk_fn,
                          &PyDict_Type, &stem_cache, &stem_fn))
        return NULL;
    PyObject *chunks = PyUnicode_Split(text, NULL, -1);
    if (chunks == NULL)
        return NULL;
    PyObject *exact = PyList_New(0);
    PyObject *stems = PyList_New(0);
    PyObject *terms = NULL;
    if (exact == NULL || stems == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(chunks); i++) {
        terms = cached(chunk_cache, chunk_fn, PyList_GET_ITEM(chunks, i));
        if (terms == NULL)
            goto error;
        if (!PyTuple_Check(terms)) {
            PyErr_SetString(PyExc_TypeError, "chunk_terms must return a tuple");
            goto error;
        }
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(terms); j++) {
            PyObject *term = PyTuple_GET_ITEM(terms, j); /* alive: we hold terms */
            if (PyList_Append(exact, term) < 0)
                goto error;
            PyObject *stem = cached(stem_cache, stem_fn, term);
            if (stem == NULL)
                goto error;
            int failed = stem != Py_None && PyList_Append(stems, stem) < 0;
            Py_DECREF(stem);
            if (failed)
                goto error;
        }
        Py_CLEAR(terms);
    }
    Py_DECREF(chunks);
    PyObject *result = PyTuple_Pack(2, stems, exact);
    Py_DECREF(stems);
    Py_DECREF(exact);
    return result;
error:
    Py_XDECREF(terms);
    Py_DECREF(chunks);
    Py_XDECREF(exact);
    Py_XDECREF(stems);
    return NULL;
}

/* pairs(words, joiner) -> " ".join(a + joiner + b for a, b in zip(words, words[1:])),
 * written into one string allocated once (no string per pair). */
static PyObject *
pairs(PyObject *self, PyObject *args)
{
    PyObject *words, *joiner;
    if (!PyArg_ParseTuple(args, "O!U:pairs", &PyList_Type, &words, &joiner))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(words);
    if (n < 2)
        return PyUnicode_New(0, 0);
    Py_ssize_t joiner_len = PyUnicode_GET_LENGTH(joiner), size = 0;
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(joiner), ' ');
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "pairs: words must be str");
            return NULL;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(word);
        /* every word but the first and last is written twice */
        size += (i == 0 || i == n - 1) ? len : 2 * len;
        maxchar = Py_MAX(maxchar, PyUnicode_MAX_CHAR_VALUE(word));
    }
    size += (n - 1) * joiner_len + (n - 2); /* a joiner in each pair, a space between pairs */
    PyObject *out = PyUnicode_New(size, maxchar);
    if (out == NULL)
        return NULL;
    Py_ssize_t at = 0;
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        PyObject *a = PyList_GET_ITEM(words, i), *b = PyList_GET_ITEM(words, i + 1);
        if (i > 0 && PyUnicode_WriteChar(out, at++, ' ') < 0)
            goto error;
        if (PyUnicode_CopyCharacters(out, at, a, 0, PyUnicode_GET_LENGTH(a)) < 0)
            goto error;
        at += PyUnicode_GET_LENGTH(a);
        if (PyUnicode_CopyCharacters(out, at, joiner, 0, joiner_len) < 0)
            goto error;
        at += joiner_len;
        if (PyUnicode_CopyCharacters(out, at, b, 0, PyUnicode_GET_LENGTH(b)) < 0)
            goto error;
        at += PyUnicode_GET_LENGTH(b);
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"analyse", analyse, METH_VARARGS,
     "analyse(text, chunk_cache, chunk_terms, stem_cache, indexed_stem) -> (stems, exact)"},
    {"pairs", pairs, METH_VARARGS, "pairs(words, joiner) -> the adjacent words joined, pairs separated by spaces"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "search._speedups", "The per-token loop of search.analysis in C.", -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&module);
}
