"""Definition-level reference implementations: loops straight from the formulas.

These never call the engine, so they can judge it.
"""

import numpy as np


def out_size(size, f, stride, pad):
    return (size + 2 * pad - f) // stride + 1


def pad_images(x, pad):
    return np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)]) if pad else x


def conv_forward(x, W, b, stride=1, pad=0):
    """out[n, f, i, j] = sum_{c,u,v} x_pad[n, c, i*S+u, j*S+v] * W[f, c, u, v] + b[f]"""
    N, C, H, Wd = x.shape
    FN, _, FH, FW = W.shape
    OH, OW = out_size(H, FH, stride, pad), out_size(Wd, FW, stride, pad)
    xp = pad_images(x, pad)
    out = np.zeros((N, FN, OH, OW))
    for n in range(N):
        for f in range(FN):
            for i in range(OH):
                for j in range(OW):
                    window = xp[n, :, i * stride : i * stride + FH, j * stride : j * stride + FW]
                    out[n, f, i, j] = np.sum(window * W[f]) + b[f]
    return out


def conv_backward(x, W, dout, stride=1, pad=0):
    """dx, dW, db of sum(out * dout), accumulating window by window."""
    N, C, H, Wd = x.shape
    FN, _, FH, FW = W.shape
    OH, OW = dout.shape[2:]
    xp = pad_images(x, pad)
    dxp = np.zeros_like(xp, dtype=float)
    dW = np.zeros(W.shape)
    db = np.zeros(FN)
    for n in range(N):
        for f in range(FN):
            for i in range(OH):
                for j in range(OW):
                    g = dout[n, f, i, j]
                    rs, cs = i * stride, j * stride
                    dW[f] += g * xp[n, :, rs : rs + FH, cs : cs + FW]
                    dxp[n, :, rs : rs + FH, cs : cs + FW] += g * W[f]
                    db[f] += g
    dx = dxp[:, :, pad : pad + H, pad : pad + Wd]
    return dx, dW, db


def pool_forward(x, ph, pw, stride=2, pad=0, mode="max"):
    N, C, H, W = x.shape
    OH, OW = out_size(H, ph, stride, pad), out_size(W, pw, stride, pad)
    xp = pad_images(x, pad)
    out = np.zeros((N, C, OH, OW))
    for n in range(N):
        for c in range(C):
            for i in range(OH):
                for j in range(OW):
                    window = xp[n, c, i * stride : i * stride + ph, j * stride : j * stride + pw]
                    out[n, c, i, j] = window.max() if mode == "max" else window.mean()
    return out


def pool_backward(x, dout, ph, pw, stride=2, pad=0, mode="max"):
    """Max: each output's gradient goes to the first maximum of its window (row-major)."""
    N, C, H, W = x.shape
    OH, OW = dout.shape[2:]
    xp = pad_images(x, pad)
    dxp = np.zeros(xp.shape)
    for n in range(N):
        for c in range(C):
            for i in range(OH):
                for j in range(OW):
                    rs, cs = i * stride, j * stride
                    window = xp[n, c, rs : rs + ph, cs : cs + pw]
                    if mode == "max":
                        u, v = np.unravel_index(np.argmax(window), window.shape)
                        dxp[n, c, rs + u, cs + v] += dout[n, c, i, j]
                    else:
                        dxp[n, c, rs : rs + ph, cs : cs + pw] += dout[n, c, i, j] / (ph * pw)
    return dxp[:, :, pad : pad + H, pad : pad + W]


def im2col(x, fh, fw, stride=1, pad=0):
    """Row (n, i, j) = the (C, FH, FW) window at output position (i, j), flattened."""
    N, C, H, W = x.shape
    OH, OW = out_size(H, fh, stride, pad), out_size(W, fw, stride, pad)
    xp = pad_images(x, pad)
    rows = []
    for n in range(N):
        for i in range(OH):
            for j in range(OW):
                rows.append(xp[n, :, i * stride : i * stride + fh, j * stride : j * stride + fw].ravel())
    return np.array(rows)


def numerical_grad(f, x, h=1e-6):
    """Central differences on a float64 copy; f takes the array."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        fp = f(x)
        x[idx] = old - h
        fm = f(x)
        x[idx] = old
        g[idx] = (fp - fm) / (2 * h)
    return g
